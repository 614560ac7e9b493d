/** A file refused before anything was imported, with the reason in words a person can act on. */
import { AppError } from '../http/errors.ts';

export class FileRefusal extends AppError {
  constructor(message: string) {
    super(400, 'file_refused', message);
  }
}

/** The first bytes say what a file really is, whatever its name. */
export function sniffSpreadsheet(head: Buffer): void {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return;
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // OLE compound file: the old .xls format, or an .xlsx encrypted with a password.
    throw new FileRefusal('这是旧版 .xls 文件或设置了打开密码的文件。请在 Excel（或 WPS）中取消密码并"另存为 .xlsx"后再导入');
  }
  if (head.length === 0) throw new FileRefusal('文件是空的');
  throw new FileRefusal('文件不是 Excel .xlsx 格式（扩展名可能被改过）。请在 Excel（或 WPS）中打开后"另存为 .xlsx"再导入');
}
