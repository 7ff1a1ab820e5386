import { z } from 'zod';
import { defineTool } from '../tool.js';
import { DEVICES, KNOWN_ISSUES } from './dataset.js';

export const searchKnownIssues = defineTool({
  name: 'search_known_issues',
  description:
    'Search the known-issues knowledge base by error code or a description of the problem.',
  parameters: z.object({
    query: z.string().min(1).describe('The problem in the customer’s words'),
    error_code: z
      .string()
      .regex(/^E\d{3}$/)
      .optional()
      .describe('An error code shown by the device, like E042'),
  }),
  execute: ({ query, error_code }) => {
    const words = query.toLowerCase();
    const matches = KNOWN_ISSUES.filter(
      (issue) => issue.errorCode === error_code || issue.keywords.some((k) => words.includes(k)),
    ).map((issue) => ({
      issue_id: issue.issueId,
      error_code: issue.errorCode,
      title: issue.title,
      fix: issue.fix,
    }));
    return { matches, count: matches.length };
  },
});

export const runDiagnostics = defineTool({
  name: 'run_diagnostics',
  description: 'Run remote diagnostics on a customer device by its device id.',
  parameters: z.object({
    device_id: z
      .string()
      .regex(/^DEV-\d{4}$/)
      .describe('The device id printed on the label, like DEV-1234'),
  }),
  execute: ({ device_id }) => {
    const device = DEVICES.find((d) => d.deviceId === device_id);
    if (!device) return { error: `No device ${device_id}`, device_id };
    return {
      device_id,
      model: device.model,
      firmware: device.firmware,
      healthy: device.healthy,
      findings: device.findings.join('; '),
    };
  },
});
