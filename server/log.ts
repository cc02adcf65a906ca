// Structured logging: one JSON object per line on stdout (stderr for warn/error), so log
// shippers can parse it without a format spec. Level from LOG_LEVEL.

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(
  level: LogLevel,
  write?: (line: string, level: LogLevel) => void,
): Logger {
  const out =
    write ??
    ((line: string, l: LogLevel) => {
      (RANK[l] >= RANK.warn ? process.stderr : process.stdout).write(line + '\n');
    });
  const emit =
    (l: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: Record<string, unknown>) => {
      if (RANK[l] < RANK[level]) return;
      out(JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...fields }), l);
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
