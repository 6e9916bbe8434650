import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ORG_LEVELS, type OrgLevel } from '@union/contracts';
import { ORG_ID_PATTERN, ORG_NAME_MAX, REGION_CODE_PATTERN } from '@union/organisation/domain';
import { PageQuery } from '@union/platform';

const ORG_ID_MESSAGE = 'must be 2-63 lower-case letters, digits or dashes, starting with a letter or digit';

/** `{orgId}` in the path. */
export class OrgIdParam {
  @ApiProperty({ example: 'ha-zz' })
  @Matches(ORG_ID_PATTERN, { message: `orgId ${ORG_ID_MESSAGE}` })
  readonly orgId: string;
}

/** `POST /api/v1/org/units` (admin). */
export class CreateOrgUnitDto {
  @ApiPropertyOptional({
    example: 'ha-zz-jsq',
    description: 'Omitted: a new id is made. A legacy unit id adopts that unit.',
  })
  @IsOptional()
  @Matches(ORG_ID_PATTERN, { message: `orgId ${ORG_ID_MESSAGE}` })
  readonly orgId?: string;

  @ApiProperty({ example: '金水区总工会' })
  @IsString()
  @Length(1, ORG_NAME_MAX)
  readonly name: string;

  @ApiProperty({ enum: ORG_LEVELS, example: 'county' })
  @IsIn(ORG_LEVELS)
  readonly level: OrgLevel;

  @ApiPropertyOptional({ example: 'ha-zz', description: 'Omitted only for the root of the tree.' })
  @IsOptional()
  @Matches(ORG_ID_PATTERN, { message: `parentId ${ORG_ID_MESSAGE}` })
  readonly parentId?: string;

  @ApiProperty({ example: '410105', description: '6-digit administrative division (GB/T 2260).' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be 6 digits' })
  readonly regionCode: string;
}

export class RenameOrgUnitDto {
  @ApiProperty({ example: '郑州市金水区总工会' })
  @IsString()
  @Length(1, ORG_NAME_MAX)
  readonly name: string;
}

export class MoveOrgUnitDto {
  @ApiProperty({ example: 'ha-ly' })
  @Matches(ORG_ID_PATTERN, { message: `parentId ${ORG_ID_MESSAGE}` })
  readonly parentId: string;
}

export class CloseOrgUnitDto {
  @ApiProperty({ example: '企业注销，工会随之撤销' })
  @IsString()
  @Length(1, 500)
  readonly reason: string;
}

/** `GET /api/v1/org/units`: filters and paging. */
export class ListOrgUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'ha-zz', description: 'Only the children of this node.' })
  @IsOptional()
  @Matches(ORG_ID_PATTERN, { message: `parentId ${ORG_ID_MESSAGE}` })
  readonly parentId?: string;

  @ApiPropertyOptional({ enum: ORG_LEVELS })
  @IsOptional()
  @IsIn(ORG_LEVELS)
  readonly level?: OrgLevel;

  @ApiPropertyOptional({ example: '郑州', description: 'Part of the name or of the id.' })
  @IsOptional()
  @IsString()
  @Length(1, ORG_NAME_MAX)
  readonly q?: string;
}

/** `GET /api/v1/org/units/{orgId}?depth=`: how many levels of children (0 to 5, default 1). */
export class OrgUnitDepthQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: 5, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  readonly depth: number = 1;
}
