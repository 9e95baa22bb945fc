// Compile-time link between a zod schema and the TypeScript type it describes: `tsc` fails when the two drift apart.

/**
 * True when A and B are the same type (each field, each optional marker, each member of a union). Mutual
 * assignability is not enough: an optional field missing on one side would still pass it.
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

/** Compiles only when given `true`: `type _link = Assert<Equal<z.infer<typeof xSchema>, X>>`. */
export type Assert<T extends true> = T;

/**
 * T with its `schema` fields (its own and its `run` record's) widened to number: the schema fixes the version it
 * describes, the interfaces keep any number (readers read older versions too). Distributes over unions.
 */
export type AnySchemaVersion<T> = T extends unknown
  ? { [K in keyof T]: K extends 'schema' ? number : K extends 'run' ? AnySchemaVersion<T[K]> : T[K] }
  : never;
