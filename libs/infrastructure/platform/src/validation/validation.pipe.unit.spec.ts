import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsString, ValidateNested } from 'class-validator';
import { ProblemException } from '../problem/problem.exception';
import { IsBp, IsIdNumber, IsIsoDate } from './domain-validators.decorator';
import { createValidationPipe } from './validation.pipe';

class MemberDto {
  @IsIdNumber() readonly idNumber!: string;
  @IsString() readonly name!: string;
}

class EnrollDto {
  @IsArray() @ValidateNested({ each: true }) @Type(() => MemberDto) readonly members!: MemberDto[];
  @IsIsoDate() readonly paidOn!: string;
  @IsBp({ max: 20000 }) readonly multiplierBp!: number;
}

async function errorsFor(body: unknown): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: EnrollDto });
  } catch (e) {
    if (e instanceof ProblemException) return e.body;
    throw e;
  }
  return undefined;
}

describe('createValidationPipe', () => {
  it('names array elements with brackets and uses the domain messages', async () => {
    const body = {
      members: [
        { idNumber: '11010519491231002X', name: 'Li' },
        { idNumber: '11010520230230002x', name: 'Wang', age: 3 },
      ],
      paidOn: '2024-02-30',
      multiplierBp: 20001,
    };
    expect(await errorsFor(body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: 'The request has 4 problems; see errors.',
      errors: [
        { field: 'members[1].age', message: "Unknown field 'age'." },
        { field: 'members[1].idNumber', message: expect.stringContaining('2023-02-30 is not a real date') },
        { field: 'paidOn', message: 'paidOn must be a real date written YYYY-MM-DD.' },
        {
          field: 'multiplierBp',
          message: 'multiplierBp must be a whole number of basis points from 0 to 20000.',
        },
      ],
    });
  });

  it('accepts a valid body and returns the DTO instance', async () => {
    const dto = await createValidationPipe().transform(
      {
        members: [{ idNumber: '11010519491231002x', name: 'Li' }],
        paidOn: '2024-02-29',
        multiplierBp: 15000,
      },
      { type: 'body', metatype: EnrollDto },
    );
    expect(dto).toBeInstanceOf(EnrollDto);
  });
});

describe('createValidationPipe: input no DTO can accept', () => {
  const pipe = createValidationPipe();
  const refusal = async (value: unknown, metadata: Parameters<typeof pipe.transform>[1]) => {
    try {
      await pipe.transform(value, metadata);
    } catch (e) {
      if (e instanceof ProblemException) return e.body;
      throw e;
    }
    return undefined;
  };

  it('refuses a NUL character or an unpaired surrogate anywhere in the body, naming the field', async () => {
    const body = {
      members: [{ idNumber: '11010519491231002X', name: '王\u0000建国' }],
      paidOn: '2025-03-01',
      multiplierBp: 1,
    };
    expect(await refusal(body, { type: 'body', metatype: EnrollDto })).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'members[0].name', message: expect.stringContaining('NUL') as unknown }],
    });
    for (const text of ['a\uD800', '\uDC00a', 'a\uDBFF\uDBFF']) {
      const members = [{ idNumber: '11010519491231002X', name: '王建国' }];
      expect(
        await refusal({ ...body, members, paidOn: text }, { type: 'body', metatype: EnrollDto }),
      ).toMatchObject({
        errors: [{ field: 'paidOn' }],
      });
    }
    expect(await refusal({ ['k\u0000']: 1 }, { type: 'body', metatype: EnrollDto })).toMatchObject({
      errors: expect.arrayContaining([
        { field: 'k\u0000', message: expect.any(String) as unknown },
      ]) as unknown,
    });
  });

  it('checks path and query values too, and leaves valid text (emoji, RTL marks) alone', async () => {
    expect(await refusal('x\u0000', { type: 'param', data: 'caseId', metatype: String })).toMatchObject({
      errors: [{ field: 'caseId' }],
    });
    expect(await refusal({ unitId: '\uD83D' }, { type: 'query', metatype: Object })).toMatchObject({
      errors: [{ field: 'unitId' }],
    });
    const fine = {
      members: [{ idNumber: '11010519491231002X', name: '😀\u202E王' }],
      paidOn: '2025-03-01',
      multiplierBp: 1,
    };
    expect(await refusal(fine, { type: 'body', metatype: EnrollDto })).toBeUndefined();
  });

  it('refuses prototype keys (JSON.parse keeps them as own keys) and absurd nesting', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = JSON.parse(
        `{"paidOn":"2025-03-01","multiplierBp":1,"members":[],"${key}":{"admin":true}}`,
      ) as unknown;
      expect(await refusal(body, { type: 'body', metatype: EnrollDto })).toMatchObject({
        status: 400,
        errors: [{ field: key, message: `Unknown field '${key}'.` }],
      });
    }
    const deep = JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`) as unknown;
    expect(await refusal(deep, { type: 'body', metatype: EnrollDto })).toMatchObject({
      status: 400,
      errors: [{ message: 'Nested more than 32 levels deep.' }],
    });
  });
});
