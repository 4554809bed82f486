/** `build` now, or on the first call of the returned function (`lazy`): indexes a one-query run may never need. */
export function once<T>(build: () => T, lazy: boolean): () => T {
  let value: T | undefined = lazy ? undefined : build();
  return () => {
    value ??= build();
    return value;
  };
}
