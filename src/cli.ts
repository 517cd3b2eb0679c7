import { UsageError, usageErrorOf, type Command } from './commands/command.ts';

const commands: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./commands/parse.ts')).command,
  check: async () => (await import('./commands/check.ts')).command,
  build: async () => (await import('./commands/build.ts')).command,
  serve: async () => (await import('./commands/serve.ts')).command,
  convert: async () => (await import('./commands/convert.ts')).command,
  publish: async () => (await import('./commands/publish.ts')).command,
};

async function usage(): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  const width = Math.max(...loaded.map((command) => command.name.length));
  const list = loaded.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `toa-soan: dựng trang tin tĩnh cho Báo Quảng Ngãi từ các tệp bài viết (.txt, .md).

Cách dùng (usage): toa-soan <lệnh> [tuỳ chọn]   (trong kho mã: npx tsx src/cli.ts <lệnh>)

Lệnh (commands):
${list}

toa-soan <lệnh> --help cho biết chi tiết từng lệnh.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`toa-soan: không có lệnh "${name}" (unknown command).\n\n${await usage()}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    const usageError = err instanceof UsageError ? err : usageErrorOf(err);
    if (!usageError) {
      // What no command foresaw (a disk error, a folder where a file should be) still reaches the editor as one line.
      const { innermostMessage } = await import('./render/render-pages.ts');
      process.stderr.write(`toa-soan ${name}: ${innermostMessage(err)}\n`);
      return 1;
    }
    const usageLine = command.help.split('\n')[0];
    process.stderr.write(`toa-soan ${name}: ${usageError.message}\nCách dùng (usage): ${usageLine}\n(toa-soan ${name} --help cho biết chi tiết)\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
