import { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; our sequences stay far below 2^53. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * pg returns numeric(12,3) as its exact decimal text ("12.500"): `Number` turns it into the very
 * double the literal 12.5 is (the nearest to the decimal), so a value read back equals the value
 * written, with no float arithmetic in between. Written back as JS prints it (shortest form).
 */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
