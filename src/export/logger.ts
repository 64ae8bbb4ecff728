// Library code logs through this, never through console: the CLI decides where messages go.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { info() {}, warn() {} };
