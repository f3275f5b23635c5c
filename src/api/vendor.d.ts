declare module 'graphql-depth-limit' {
  import type { ValidationContext } from 'graphql';
  function depthLimit(
    maxDepth: number,
    options?: { ignore?: (string | RegExp | ((name: string) => boolean))[] },
    callback?: (depths: Record<string, number>) => void,
  ): (context: ValidationContext) => ValidationContext;
  export default depthLimit;
}
