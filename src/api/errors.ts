/**
 * Every error the API sends: `{statusCode, error, message}` with one line saying what was
 * wrong. Validation problems name the parameter and the value; internal errors say only
 * "internal error" (the details go to the server's log, never to the client).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';
import { SitrepError } from '../errors.js';
import { describeIssue } from '../store/filters.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: oneLine(message) };
}

const oneLine = (s: string): string => {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? line.slice(0, 297) + '...' : line;
};

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The zod issue behind fastify's validation entry. */
function issueOf(v: ValidationItem): z.core.$ZodIssue {
  const path = v.instancePath.split('/').slice(1).filter((p) => p !== '');
  return { ...v.params, code: v.keyword, path, message: v.message ?? 'is not valid' } as unknown as z.core.$ZodIssue;
}

/**
 * A union (one document or a list) failed: the branch the value was meant for says why. zod
 * reports every branch; the one for a list when a list came, else the one for a single
 * document.
 */
function unionBranch(issue: z.core.$ZodIssue, input: unknown): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !Array.isArray(issue.errors) || issue.errors.length === 0) return issue;
  const at = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), input);
  const branches = issue.errors;
  const branch = Array.isArray(at) ? branches.at(-1) : branches[0];
  const inner = branch?.[0];
  return inner ? unionBranch({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, input) : issue;
}

function validationMessage(error: FastifyError, request: FastifyRequest): string {
  const first = (error.validation as unknown as ValidationItem[])[0];
  if (!first) return 'invalid request';
  const context = error.validationContext ?? 'request';
  const input = context === 'querystring' ? request.query : context === 'params' ? request.params : context === 'body' ? request.body : undefined;
  const issue = unionBranch(issueOf(first), input);
  if (context === 'body') {
    if (issue.path.length === 0 && issue.code === 'invalid_type') return 'the body must be a document (a JSON object) or a list of documents';
    return describeIssue(issue, input, (key) => (key ? `body ${key.replace(/^(\d+)/, '[$1]')}` : 'the body'));
  }
  return describeIssue(issue, input, (key) => key || `the ${context}`);
}

export function createErrorHandler(logInternal: (error: Error, request: FastifyRequest) => void) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    let status: number;
    let message: string;
    if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      message = validationMessage(error, request);
    } else if (error instanceof SitrepError) {
      status = error.code === 'E_BAD_ARGUMENT' || error.code === 'E_BAD_BATCH' ? 400 : error.code === 'E_TOO_LARGE' ? 413 : 500;
      message = status === 500 ? 'internal error' : error.toLine();
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413;
      message = `the body is larger than this server accepts (${request.routeOptions.bodyLimit ?? 'its limit'} bytes)`;
    } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      status = 400;
      message = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'the body is empty; send a JSON document' : 'the body is not valid JSON';
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
      const type = request.headers['content-type'];
      message = `${type ? `content type "${type}" is` : 'a body without a content type is'} not accepted; send application/json or application/x-ndjson`;
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      message = error.message;
    } else {
      status = 500;
      message = 'internal error';
    }
    if (status >= 500) logInternal(error, request);
    void reply.code(status).send(errorBody(status, message));
  };
}
