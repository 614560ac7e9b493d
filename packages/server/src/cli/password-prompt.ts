/**
 * Where `pacer user add` gets a password: --password, else PACER_PASSWORD, else a hidden
 * prompt when a person is at a terminal. Scripts without a terminal get a clear refusal
 * instead of a prompt that would hang them.
 */
import { CliError } from './context.ts';

export interface PromptIO {
  input: NodeJS.ReadStream | (NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown });
  output: NodeJS.WritableStream;
}

const defaultIO = (): PromptIO => ({ input: process.stdin, output: process.stderr });

export async function obtainPassword(
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  io: PromptIO = defaultIO(),
): Promise<string> {
  if (given !== undefined) return given;
  if (env.PACER_PASSWORD) return env.PACER_PASSWORD;
  if (!io.input.isTTY) {
    throw new CliError('没有提供密码：请用 --password 或环境变量 PACER_PASSWORD 指定；在终端中直接运行时会提示输入。');
  }
  const first = await promptHidden('密码 Password: ', io);
  const again = await promptHidden('再输入一次 Again: ', io);
  if (first !== again) throw new CliError('两次输入的密码不一致，未创建账号。');
  return first;
}

/** Reads one line without echoing it; Ctrl-C cancels. */
export function promptHidden(question: string, io: PromptIO): Promise<string> {
  const { input, output } = io;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      input.off('data', onData);
      (input as { setRawMode?: (raw: boolean) => unknown }).setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      const text = chunk.toString();
      // Arrow keys and the like arrive as escape sequences: ignore the whole sequence.
      if (text.startsWith('\u001b')) return;
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || (ch === '\u0004' && value === '')) return finish(new CliError('已取消，未创建账号。'));
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    output.write(question);
    (input as { setRawMode?: (raw: boolean) => unknown }).setRawMode?.(true);
    input.on('data', onData);
    input.resume();
  });
}
