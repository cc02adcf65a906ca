/**
 * Compile-time equality of a zod schema's output and a hand-written type (`Assert<Same<…>>`
 * fails to compile when they drift). Types only: nothing here exists at run time.
 */
import type { z } from 'zod';

type WithoutIndex<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;
/** Same keys, and each side assignable to the other (readonly-ness aside). */
export type Same<A, B> = [DeepReadonly<A>] extends [DeepReadonly<B>]
  ? [DeepReadonly<B>] extends [DeepReadonly<A>]
    ? SameKeys<A, B>
    : false
  : false;
export type Assert<T extends true> = T;
/** A schema's output without index signatures and without `extra` (checked on its own). */
export type Out<S extends z.ZodType> = Omit<WithoutIndex<z.output<S>>, 'extra'>;
export type Typed<T> = Omit<T, 'extra'>;
