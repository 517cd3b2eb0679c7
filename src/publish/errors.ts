/**
 * What can stop a publish, as one line for a newsroom: a stable English code and a Vietnamese
 * message that says what to fix. The SDK's errors (and Node's network errors inside them) are
 * recognised by name and status here, in one place, so no stack trace ever reaches the editor.
 */
import type { IssueCode } from '../issues/catalogue.ts';
import { describeTarget, type Target } from './target.ts';

/** The codes of the catalogue that `publish` reports; NO_FILE, as for the other commands, for a file it cannot read. */
export type PublishErrorCode = Extract<IssueCode, 'NO_SITE' | 'NO_FILE' | 'NO_CREDENTIALS' | 'NO_REGION' | 'NO_CONNECTION' | 'ACCESS_DENIED' | 'NO_BUCKET' | 'STORE_ERROR'>;

export class PublishError extends Error {
  constructor(
    readonly code: PublishErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What the store's answer and the connection are known by: the SDK's error name, HTTP status, Node's error code. */
interface ErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE']);
const DENIED_NAMES = new Set(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'Forbidden', 'InvalidToken', 'ExpiredToken']);

function networkCode(error: ErrorShape): string | undefined {
  for (let current: ErrorShape | undefined = error; current; current = current.cause as ErrorShape | undefined) {
    if (current.code && NETWORK_CODES.has(current.code)) return current.code;
    if (current.name === 'TimeoutError') return 'timeout';
  }
  return undefined;
}

/**
 * The newsroom's line for an error of the store while doing `action` (`liệt kê kho`), with the
 * endpoint named when there is one. An error already a PublishError passes unchanged.
 */
export function publishErrorOf(error: unknown, action: string, target: Target, endpoint: string | undefined): PublishError {
  if (error instanceof PublishError) return error;
  const shape = (error ?? {}) as ErrorShape;
  const where = endpoint ? `${describeTarget(target)} qua ${endpoint}` : describeTarget(target);
  const status = shape.$metadata?.httpStatusCode;
  const network = networkCode(shape);
  if (network) {
    return new PublishError('NO_CONNECTION', `không kết nối được tới kho ${where} khi ${action} (${network}); kiểm tra --endpoint, mạng, rồi chạy lại`);
  }
  if (shape.name === 'NoSuchBucket') {
    return new PublishError('NO_BUCKET', `không có kho "${target.bucket}" (${where}); tạo kho trước, hay sửa tên trong --to`);
  }
  if (DENIED_NAMES.has(shape.name ?? '') || status === 403) {
    return new PublishError(
      'ACCESS_DENIED',
      `kho ${where} từ chối khi ${action} (${shape.name ?? status}); kiểm tra AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY và quyền ghi, xoá, liệt kê của khoá đó`,
    );
  }
  const detail = [shape.name, status, shape.message].filter((part) => part !== undefined && part !== '').join(': ');
  return new PublishError('STORE_ERROR', `kho ${where} báo lỗi khi ${action} (${detail || String(error)}); chạy lại lệnh để làm nốt`);
}
