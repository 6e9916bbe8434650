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
