/** Command-line options shared by check, build and dev. */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

export interface CliOptions {
  dataDir: string;
  contentDir: string;
  outDir: string;
  json: boolean;
  strict: boolean;
}

export function readCliOptions(argv: string[] = process.argv.slice(2)): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string', default: 'data' },
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  return {
    dataDir: resolve(values.data),
    contentDir: resolve(values.content),
    outDir: resolve(values.out),
    json: values.json,
    strict: values.strict,
  };
}
