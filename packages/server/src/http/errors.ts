/**
 * Errors the API answers with. Every one carries a Chinese message a person can act on;
 * validation errors also say which field.
 */
import { describeFieldPath, QUERY_FIELD_LABELS } from '@pacer/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what}不存在或已被删除`);
export const forbidden = (message = '您没有权限进行此操作') => new AppError(403, 'forbidden', message);
export const unauthorized = () => new AppError(401, 'unauthorized', '请先登录');
export const conflict = (message: string, extra: Record<string, unknown> = {}) => new AppError(409, 'conflict', message, extra);

export interface FieldIssue {
  path: (string | number)[];
  field: string;
  message: string;
}

export class FieldValidationError extends AppError {
  constructor(readonly issues: FieldIssue[]) {
    super(400, 'validation', `提交的内容有 ${issues.length} 处需要修改：${issues.map((i) => `${i.field}：${i.message}`).join('；')}`);
  }
}

/** Raise a single-field validation error from service code. */
export function fieldError(path: (string | number)[], message: string): FieldValidationError {
  return new FieldValidationError([{ path, field: describeFieldPath(path), message }]);
}

function issuesFromZod(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    return { path, field: describeFieldPath(path), message: i.message };
  });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const path = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        // A query parameter is named by its label; list positions mean nothing to the person.
        const field = error.validationContext === 'querystring' ? (QUERY_FIELD_LABELS[String(path[0])] ?? String(path[0] ?? '查询条件')) : describeFieldPath(path, request.routeOptions.config.fieldLabels) || '请求';
        return { path, field, message: v.message ?? '内容不正确' };
      });
      const where = error.validationContext === 'querystring' ? '查询条件' : error.validationContext === 'params' ? '地址参数' : '提交的内容';
      return reply.status(400).send({
        error: 'validation',
        message: `${where}有 ${issues.length} 处需要修改：${issues.map((i) => `${i.field}：${i.message}`).join('；')}`,
        issues,
      });
    }
    if (error instanceof ZodError) {
      const e = new FieldValidationError(issuesFromZod(error));
      return reply.status(400).send({ error: e.code, message: e.message, issues: e.issues });
    }
    if (error instanceof FieldValidationError) {
      return reply.status(400).send({ error: error.code, message: error.message, issues: error.issues });
    }
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ error: error.code, message: error.message, ...error.extra });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: error.code ?? 'bad_request', message: requestErrorMessage(error) });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: '服务器内部错误，请稍后重试；如果一直出现，请联系系统管理员并提供发生时间。' });
  });
}

function requestErrorMessage(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return '请求内容不是有效的 JSON';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return '请求内容过大';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return '不支持的内容类型';
  return error.message;
}
