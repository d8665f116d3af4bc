// A real ClickHouse server for tests: Debian's clickhouse-server started on 127.0.0.1 with its own
// config, data directory and free ports, in its own process group (setsid), stopped with
// kill -- -PGID. Installed by .ci/run (apt-get install clickhouse-server clickhouse-client).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLICKHOUSE_BINARY = '/usr/bin/clickhouse-server';
export const CLICKHOUSE_PASSWORD = 'evalspec-test-password';

export interface ClickHouseServer {
  url: string;
  user: string;
  password: string;
  dir: string;
  /** The server's process id (also its process group). */
  pid: number;
  /** Runs SQL through the HTTP interface (tests' setup only). */
  query(sql: string, body?: string): Promise<string>;
  stop(): void;
}

export function clickhouseAvailable(): boolean {
  return existsSync(CLICKHOUSE_BINARY) || existsSync('/usr/sbin/clickhouse-server');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function tag(xml: string, name: string, value: string): string {
  const re = new RegExp(`<${name}>[^<]*</${name}>`);
  if (!re.test(xml)) throw new Error(`clickhouse config has no <${name}>`);
  return xml.replace(re, `<${name}>${value}</${name}>`);
}

export async function startClickHouse(): Promise<ClickHouseServer> {
  const dir = mkdtempSync(join(tmpdir(), 'evalspec-ch-'));
  const [http, tcp, inter] = [await freePort(), await freePort(), await freePort()];
  let config = readFileSync('/etc/clickhouse-server/config.xml', 'utf8');
  config = tag(config, 'path', `${dir}/data/`);
  config = tag(config, 'tmp_path', `${dir}/tmp/`);
  config = tag(config, 'user_files_path', `${dir}/user_files/`);
  config = tag(config, 'format_schema_path', `${dir}/format_schemas/`);
  config = tag(config, 'log', `${dir}/server.log`);
  config = tag(config, 'errorlog', `${dir}/server.err.log`);
  config = tag(config, 'http_port', String(http));
  config = tag(config, 'tcp_port', String(tcp));
  config = tag(config, 'interserver_http_port', String(inter));
  config = config.replace(/<listen_host>[^<]*<\/listen_host>/g, '').replace('</yandex>', '<listen_host>127.0.0.1</listen_host><timezone>UTC</timezone></yandex>');
  config = config.replace(/<include_from>[^<]*<\/include_from>/, '');
  writeFileSync(join(dir, 'config.xml'), config);
  let users = readFileSync('/etc/clickhouse-server/users.xml', 'utf8');
  users = users.replace('<password></password>', `<password>${CLICKHOUSE_PASSWORD}</password>`);
  writeFileSync(join(dir, 'users.xml'), users);
  const bin = existsSync(CLICKHOUSE_BINARY) ? CLICKHOUSE_BINARY : '/usr/sbin/clickhouse-server';
  const child = spawn('setsid', [bin, `--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore', detached: false });
  const pgid = child.pid!;
  const url = `http://127.0.0.1:${http}`;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    spawnSync('kill', ['--', `-${pgid}`]);
    try {
      spawnSync('kill', ['-9', '--', `-${pgid}`]);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const query = async (sql: string, body?: string, retry = true): Promise<string> => {
    let res: Response;
    try {
      res = await fetch(`${url}/?query=${encodeURIComponent(sql)}`, {
        method: 'POST',
        body: body ?? '',
      headers: { 'X-ClickHouse-User': 'default', 'X-ClickHouse-Key': CLICKHOUSE_PASSWORD },
      });
    } catch (e) {
      // a pooled keep-alive connection the server closed after its 3 s idle timeout: once more, fresh
      if (retry && /other side closed|UND_ERR_SOCKET|ECONNRESET/.test(String((e as { cause?: unknown }).cause ?? e))) return query(sql, body, false);
      throw e;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`clickhouse: ${text}`);
    return text;
  };
  // wait for HTTP: poll (no fixed sleep), give up after 60 s
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      const err = existsSync(join(dir, 'server.err.log')) ? readFileSync(join(dir, 'server.err.log'), 'utf8').slice(-2000) : '';
      stop();
      throw new Error(`clickhouse-server exited with ${child.exitCode}: ${err}`);
    }
    try {
      if ((await query('SELECT 1')).trim() === '1') break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error('clickhouse-server did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, user: 'default', password: CLICKHOUSE_PASSWORD, dir, pid: pgid, query, stop };
}
