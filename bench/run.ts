/** `npm run bench -- [--articles N] [--runs R] [--only parse|build|serve|publish]`: see --help. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatBuildReport, runBuildBench } from './build.ts';
import { formatIncrementalReport, runIncrementalBench } from './incremental.ts';
import { pageCacheLock } from './page-cache.ts';
import { formatParseReport, measureLinearity, measureThroughput } from './parse.ts';
import { formatPublishReport, runPublishBench } from './publish.ts';
import { formatQueryReport, runQueryBench } from './query.ts';
import { formatServeReport, runServeBench } from './serve.ts';

const help = `npm run bench -- [--articles N] [--runs R] [--only parse|build|serve|publish|incremental|query] [--skip startup,parse,build,baseline,search,eleventy,withsearch,pagefind] [--keep-caches] [--site THƯ_MỤC] [--megabytes M] [--seed S]

Đo tốc độ (benchmarks) trên kho bài tổng hợp (a synthetic, seeded corpus):

  parse   bộ phân tích trong cùng tiến trình, một lõi: MB/s và bài/s trên M MB bài
          (mặc định 20), và thời gian/MB cho một bài khổng lồ 1, 5, 10 MB (linearity).
  build   N bài (mặc định 1000) ghi vào bench/.work/, rồi đo từng tiến trình riêng,
          xen kẽ, R lần (mặc định 3), lấy trung vị (median):
            (a) chỉ phân tích: npx tsx src/cli.ts check DIR
            (b) dựng đầy đủ: npx tsx src/cli.ts build --content DIR --output DIR --quiet --no-search,
                rồi riêng chỉ mục tìm kiếm (Pagefind) trên kết quả đó
            (b') như (b) nhưng không có tin liên quan, trang chuyên mục, tác giả, lưu trữ
                (TOA_SOAN_WITHOUT=related,sections,authors,archive): in ra các tính năng
                đó làm bản dựng chậm thêm bao nhiêu phần trăm (mục tiêu ≤ 15%)
            (c) Eleventy thuần trên các tệp Markdown tương đương
            (d) dựng đầy đủ có chỉ mục tìm kiếm (withsearch), cạnh Eleventy thuần rồi Pagefind
                CLI (npx pagefind --site) trên cùng các trang bài (pagefind): mục tiêu (d) không
                chậm hơn, tức tỉ lệ ≤ 1
          In ra trang/giây, ms/bài, bộ nhớ đỉnh (RSS cả cây tiến trình), tỉ lệ (b)/(c) và (d).
          Trước mỗi lần đo: xóa bộ đệm trang của hệ điều hành (page cache, cần root trên
          Linux) rồi đọc lại đầu vào, để lần nào cũng bắt đầu như nhau (bench/page-cache.ts);
          --keep-caches thì chỉ sync, giữ bộ đệm.
  serve   máy chủ xem trước (npm start) trên bản sao N bài: thời gian khởi động, rồi R lần
          sửa tiêu đề một bài và đo đến khi địa chỉ mới trả về tiêu đề mới (edit latency).
  publish dựng N bài (có chỉ mục tìm kiếm) rồi xuất bản lên một máy chủ S3 cục bộ (s3rver ở
          127.0.0.1), xuất bản lại khi không đổi gì, rồi thêm một bài mới, dựng, xuất bản: số tệp
          tải lên, số MB, số tệp xoá, thời gian, bên cạnh số tệp mà bản dựng thứ hai đổi nội dung.
  incremental
          dựng N bài (mặc định 1000; 10000 hay 100000 cũng được, lâu hơn) có chỉ mục tìm kiếm vào
          một thư mục, rồi ba bước, sau mỗi bước dựng lại vào chính thư mục đó: (a) một bài mới
          hơn mọi bài, (b) sửa tiêu đề một bài có sẵn (địa chỉ đổi), (c) một bài đề ngày 2016.
          Mỗi bước: thời gian, RSS đỉnh cả cây tiến trình, số tệp bị ghi lại (khác byte hay
          mtime), thêm, xoá, số ảnh đã mã hoá (khi bản dựng có in), và tỉ lệ so với một bản
          dựng đầy đủ cùng nội dung vào thư mục trống, chạy xen kẽ (mục tiêu ≤ 1/10). R vòng.
  query   dựng N bài (hoặc lấy trang đã dựng ở --site THƯ_MỤC), phục vụ ở 127.0.0.1, mở
          /tim-kiem/?q=… bằng Chromium (hồ sơ mới) cho "ly son" và "Dung Quất": số yêu cầu
          và KB theo loại tệp đến khi hiện trang kết quả đầu (mục tiêu ≤ 40 yêu cầu, ≤ 600 KB).

Không có --only thì chạy parse và build. Tiến độ in ra stderr, kết quả ra stdout.`;

const ROWS = ['parse', 'build', 'serve', 'publish', 'incremental', 'query'];

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    process.stderr.write(`bench: --${name} phải là số nguyên dương (a positive integer), không phải "${text}"\n`);
    process.exit(2);
  }
  return value;
}

function machine(): string {
  const free = execFileSync('free', ['-h'], { encoding: 'utf8' }).trim();
  const cores = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  // Other work on the machine skews every number: say how busy it was.
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return [`date: ${new Date().toISOString()}`, `cpu: ${cpu}`, `nproc: ${cores}`, `load average (1/5/15 min): ${load}`, `node: ${process.version}`, free].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      only: { type: 'string' },
      megabytes: { type: 'string', default: '20' },
      seed: { type: 'string', default: '20160611' },
      skip: { type: 'string', default: '' },
      'keep-caches': { type: 'boolean', default: false },
      site: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (values.only !== undefined && !ROWS.includes(values.only)) {
    process.stderr.write(`bench: --only nhận ${ROWS.map((row) => `"${row}"`).join(', ')}, không phải "${values.only}"\n\n${help}\n`);
    return 2;
  }
  if (values.site !== undefined && values.only !== 'query') {
    process.stderr.write(`bench: --site chỉ dùng với --only query\n\n${help}\n`);
    return 2;
  }
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const seed = positiveInteger('seed', values.seed);
  const runs = positiveInteger('runs', values.runs);
  process.stdout.write(`${machine()}\ncommand: npm run bench -- ${process.argv.slice(2).join(' ')}\n\n`);
  if (values.only === 'serve') {
    const bench = await runServeBench({ articles: positiveInteger('articles', values.articles), runs, seed, log });
    process.stdout.write(`${formatServeReport(bench)}\n`);
    return 0;
  }
  if (values.only === 'incremental') {
    const bench = await runIncrementalBench({ articles: positiveInteger('articles', values.articles), runs, seed, log });
    process.stdout.write(`${formatIncrementalReport(bench)}\n`);
    return 0;
  }
  if (values.only === 'query') {
    const bench = await runQueryBench({ articles: positiveInteger('articles', values.articles), site: values.site, seed, log });
    process.stdout.write(`${formatQueryReport(bench)}\n`);
    return 0;
  }
  if (values.only === 'publish') {
    const bench = await runPublishBench({ articles: positiveInteger('articles', values.articles), seed, log });
    process.stdout.write(`${formatPublishReport(bench)}\n`);
    return 0;
  }
  if (values.only !== 'build') {
    const options = { megabytes: positiveInteger('megabytes', values.megabytes), passes: runs, seed, log };
    const report = formatParseReport(measureThroughput(options), measureLinearity(options));
    process.stdout.write(`${report}\n\n`);
  }
  if (values.only !== 'parse') {
    const skip = values.skip.split(',').filter(Boolean);
    const lock = values['keep-caches'] ? null : pageCacheLock();
    if (lock) log(`build: page cache kept between runs: ${lock}`);
    const dropCaches = !values['keep-caches'] && lock === null;
    const bench = await runBuildBench({ articles: positiveInteger('articles', values.articles), runs, seed, log, skip, dropCaches });
    process.stdout.write(`${formatBuildReport(bench)}\n`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  // A failed child already says what went wrong; our own stack adds nothing.
  process.stderr.write(`bench: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
