import { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; our sequences stay far below 2^53. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
