/**
 * A wrong command line found while parsing it: runCli prints the message alone
 * and exits 2 (EXIT.usage), before the command opens a case or reads a file.
 */
export class UsageError extends Error {}

/**
 * Commander's parser for a path argument or option. An empty path (or one of
 * spaces only, as an unset shell variable in quotes gives) is refused: Node
 * resolves "" to the current folder, so `scan ""` would scan wherever the
 * command happened to run, and `--db ""` would fall back to the default case.
 */
export function pathArgument(command: string, role: string, todo: string): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new UsageError(`micromoment ${command}: an empty path was given as ${role}: ${todo}.`);
    return value;
  };
}

/** The same for a variadic argument (commander hands each value with the ones parsed so far). */
export function pathArguments(command: string, role: string, todo: string): (value: string, previous: string[] | undefined) => string[] {
  const one = pathArgument(command, role, todo);
  return (value, previous) => [...(previous ?? []), one(value)];
}
