import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSupportDemo } from '../agents/support/support-demo.js';
import { loadDeployment } from '../config/deployment/load-deployment.js';
import { DEFAULT_ROUTING } from '../config/index.js';
import { HybridBenchError } from '../errors.js';
import { loadPlugins } from './load-plugins.js';
import { PluginError, PluginErrorCodes } from './plugin-error.js';
import { withPluginTools } from './tool-set.js';

const EXAMPLE = new URL('../../examples/plugins/faq-deployment.yaml', import.meta.url).pathname;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hb-plugins-'));
});

const HEAD = `apiVersion: hybrid-bench/v1
kind: AgentDeployment
metadata: { name: plugin-test, environment: test }
spec:
  plugins:
`;

/** A plugin module (plain JS, no imports) from the text of its default export. */
function moduleText(exported: string): string {
  return `export default ${exported};\n`;
}

const GOOD = (name: string, extra = '') => `{
  name: '${name}',
  version: '1.0.0',
  hybridBench: '>=0.1.0',
  providers: {
    '${name}': (options) => ({
      id: '${name}',
      async complete(request) {
        return { state: 'ok', response: { text: String(options.reply ?? 'hi'), toolCalls: [],
          usage: { inputTokens: 0, outputTokens: 0 }, usageEstimated: false, latencyMs: 0,
          model: request.model, finishReason: 'stop' } };
      },
    }),
  },
  ${extra}
}`;

/** Writes the modules and a deployment naming them in order; returns the deployment's path. */
async function setup(
  name: string,
  modules: Array<{ file: string; text?: string; options?: string }>,
): Promise<string> {
  const lines: string[] = [];
  for (const module of modules) {
    if (module.text !== undefined) await writeFile(join(dir, module.file), module.text);
    lines.push(`    - module: ./${module.file}`);
    if (module.options !== undefined) lines.push(`      options: ${module.options}`);
  }
  const file = join(dir, `${name}.yaml`);
  await writeFile(file, `${HEAD}${lines.join('\n')}\n`);
  return file;
}

async function failure(file: string, version?: string): Promise<PluginError> {
  const error = await loadPlugins(
    await loadDeployment(file, { env: {} }),
    version === undefined ? {} : { hybridBenchVersion: version },
  ).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PluginError);
  const plugin = error as PluginError;
  // A user error: the CLI prints the message and exits 2, no stack.
  expect(plugin).toBeInstanceOf(HybridBenchError);
  expect(plugin.isUserError).toBe(true);
  return plugin;
}

describe('loadPlugins: the example FAQ plugin', () => {
  it('loads its provider, tool set and router from the example deployment', async () => {
    const plugins = await loadPlugins(await loadDeployment(EXAMPLE, { env: {} }));
    expect(plugins.plugins).toEqual([
      expect.objectContaining({
        name: 'faq-provider',
        module: './faq-provider/index.ts',
        providers: ['faq'],
        tools: true,
        router: true,
      }),
    ]);
    const provider = await plugins.createProvider('faq');
    const outcome = await provider.complete({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Do your gift cards expire?' }],
    });
    expect(outcome).toMatchObject({
      state: 'ok',
      response: {
        text: 'Gift cards never expire and can be used on any order.',
        model: 'gpt-4o-mini',
      },
    });

    const demo = withPluginTools(createSupportDemo(), plugins.toolSets);
    expect(demo.prototype.tools.map((t) => t.name)).toContain('search_faq');
    expect(demo.team.agents.get('customer-service')?.tools.map((t) => t.name)).toContain(
      'search_faq',
    );
    expect(demo.team.agents.get('technical-support')?.tools.map((t) => t.name)).not.toContain(
      'search_faq',
    );
    // Handoff tools are kept, once.
    const cs = demo.team.agents.get('customer-service');
    expect(cs?.tools.filter((t) => t.name === 'transfer_to_escalation')).toHaveLength(1);

    const route = plugins.createRouter?.(DEFAULT_ROUTING);
    expect(
      route?.({ messages: [{ role: 'user', content: 'Which countries do you ship to?' }] }),
    ).toEqual({ path: 'simple', reason: 'rule', rule: 'faq:countries' });
    // Requests the configured rules match keep their decision.
    expect(
      route?.({ messages: [{ role: 'user', content: 'Where is my order ORD-10001?' }] }).reason,
    ).toBe('rule');
  });

  it('refuses a provider name no plugin offers, listing those offered', async () => {
    const plugins = await loadPlugins(await loadDeployment(EXAMPLE, { env: {} }));
    await expect(plugins.createProvider('fqa')).rejects.toMatchObject({
      code: PluginErrorCodes.unknownProvider,
      message: '--provider fqa: no plugin provider has that name; the plugins offer faq.',
    });
  });

  it('checks the plugin options against its schema, at their line', async () => {
    const file = join(dir, 'bad-options.yaml');
    await writeFile(
      file,
      `${HEAD}    - module: ${new URL('../../examples/plugins/faq-provider/index.ts', import.meta.url).pathname}\n      options: { minScore: two }\n`,
    );
    const error = await failure(file);
    expect(error.code).toBe(PluginErrorCodes.optionsInvalid);
    expect(error.message).toContain('the options of plugin "faq-provider"');
    expect(error.message).toContain('spec.plugins[0].options.minScore:');
  });
});

describe('loadPlugins: bad plugins, each with its precise error', () => {
  it('a module without a default export', async () => {
    const file = await setup('no-default', [
      { file: 'no-default.mjs', text: 'export const plugin = {};\n' },
    ]);
    const error = await failure(file);
    expect(error.code).toBe(PluginErrorCodes.invalid);
    expect(error.module).toBe('./no-default.mjs');
    expect(error.message).toBe(
      [
        `${file}:6:15 spec.plugins[0].module: plugin ./no-default.mjs is not a valid plugin, 1 problem:`,
        '  default export: missing (fix: export default definePlugin({ name, version, hybridBench, … }))',
      ].join('\n'),
    );
  });

  it('fields of the wrong type, each with its path, what was expected, what came and a fix', async () => {
    const file = await setup('wrong-types', [
      {
        file: 'wrong-types.mjs',
        text: moduleText(`{ name: 'wrong-types', version: 1, hybridBench: '^0.1.0',
          providers: { echo: 'createEcho' }, tools: [] }`),
      },
    ]);
    const error = await failure(file);
    expect(error.code).toBe(PluginErrorCodes.invalid);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(
      `${file}:6:15 spec.plugins[0].module: plugin ./wrong-types.mjs ("wrong-types") is not a valid plugin, 3 problems:`,
    );
    expect(lines.slice(1)).toEqual([
      "  version: expected a semver version string, got a number (1) (fix: give the plugin's own version as semver, e.g. version: '1.0.0')",
      '  providers.echo: expected a function (options, context) => Provider, got a string ("createEcho") (fix: map each provider name to a factory: providers: { faq: (options, context) => createFaqProvider(…) })',
      "  tools: expected a function (options, context) => { agents?, tools }, got an array (fix: give a factory: tools: (options, context) => ({ agents: ['prototype'], tools: [...] }))",
    ]);
  });

  it('a provider factory that is not a function, and a misspelt field', async () => {
    const file = await setup('not-a-factory', [
      {
        file: 'not-a-factory.mjs',
        text: moduleText(`{ name: 'not-a-factory', version: '1.0.0', hybridBench: '^0.1.0',
          providers: { echo: { id: 'echo' }, Echo_2: () => ({}) }, router: () => () => ({}), provider: {} }`),
      },
    ]);
    const error = await failure(file);
    expect(error.message).toContain(
      '  providers.echo: expected a function (options, context) => Provider, got an object',
    );
    expect(error.message).toContain(
      '  providers.Echo_2: provider name "Echo_2" is not valid: expected lower-case letters, digits and "-", starting with a letter (fix: rename it, e.g. "echo-2")',
    );
    expect(error.message).toContain('  provider: unknown field; a plugin has name, version,');
    expect(error.message).toContain('(fix: did you mean "providers"?)');
  });

  it('a hybridBench range that excludes the installed version', async () => {
    const file = await setup('too-new', [
      {
        file: 'too-new.mjs',
        text: moduleText(GOOD('too-new').replace("'>=0.1.0'", "'^2.0.0'")),
      },
    ]);
    const error = await failure(file, '0.1.0');
    expect(error.code).toBe(PluginErrorCodes.incompatible);
    expect(error.message).toBe(
      `${file}:6:15 spec.plugins[0].module: plugin "too-new" (./too-new.mjs) 1.0.0 works with hybrid-bench ^2.0.0, but the installed hybrid-bench is 0.1.0 (fix: use a version of the plugin made for hybrid-bench 0.1.0, or widen its hybridBench range once it is tested with 0.1.0)`,
    );
  });

  it('checks the range against the installed package version by default', async () => {
    const file = await setup('installed', [
      { file: 'installed.mjs', text: moduleText(GOOD('installed')) },
    ]);
    const plugins = await loadPlugins(await loadDeployment(file, { env: {} }));
    expect(plugins.providers).toEqual(['installed']);
  });

  it('two plugins with one name, and two providers with one name', async () => {
    await writeFile(join(dir, 'twin-a.mjs'), moduleText(GOOD('twin')));
    await writeFile(join(dir, 'twin-b.mjs'), moduleText(GOOD('twin')));
    const twins = await setup('twins', [{ file: 'twin-a.mjs' }, { file: 'twin-b.mjs' }]);
    const error = await failure(twins);
    expect(error.code).toBe(PluginErrorCodes.duplicate);
    expect(error.message).toBe(
      `${twins}:7:15 spec.plugins[1].module: plugin "twin" (./twin-b.mjs) has the name of spec.plugins[0] (./twin-a.mjs): plugin names must be unique (fix: load each plugin once, or rename one)`,
    );

    await writeFile(
      join(dir, 'other.mjs'),
      moduleText(GOOD('other').replace("'other': (options)", "'twin': (options)")),
    );
    const providers = await setup('providers', [{ file: 'twin-a.mjs' }, { file: 'other.mjs' }]);
    const clash = await failure(providers);
    expect(clash.code).toBe(PluginErrorCodes.duplicate);
    expect(clash.message).toContain(
      'plugin "other" (./other.mjs) offers provider "twin", which plugin "twin" (./twin-a.mjs) already offers',
    );
  });

  it('a module that is not there, and one that throws while it is imported', async () => {
    const missing = await setup('missing', [{ file: 'nowhere.mjs' }]);
    const error = await failure(missing);
    expect(error.code).toBe(PluginErrorCodes.importFailed);
    expect(error.message).toContain(
      `spec.plugins[0].module: cannot import plugin ./nowhere.mjs (resolved to ${join(dir, 'nowhere.mjs')}):`,
    );
    expect(error.message).toContain(
      "fix: a relative module is resolved from the deployment file's folder",
    );

    const throws = await setup('throws', [
      { file: 'throws.mjs', text: "throw new Error('no FAQ_URL set');\n" },
    ]);
    const thrown = await failure(throws);
    expect(thrown.code).toBe(PluginErrorCodes.importFailed);
    expect(thrown.message).toContain('cannot import plugin ./throws.mjs');
    expect(thrown.message).toContain(': no FAQ_URL set (fix:');
  });

  it('a factory that fails or builds the wrong thing, named', async () => {
    const file = await setup('factories', [
      {
        file: 'factories.mjs',
        text: moduleText(`{ name: 'factories', version: '1.0.0', hybridBench: '*',
          providers: { broken: () => { throw new Error('FAQ_KEY is not set'); }, hollow: () => ({ id: 'hollow' }) },
          tools: () => ({ agents: 'billing', tools: [] }) }`),
      },
    ]);
    const error = await failure(file);
    // Tool sets are built at load, providers only when selected.
    expect(error.code).toBe(PluginErrorCodes.factoryFailed);
    expect(error.message).toBe(
      'plugin "factories" (./factories.mjs): its tools factory returned something that is not a tool set ({ agents?, tools }): agents: expected a list of agent names ("prototype" or team agents), got a string ("billing")',
    );
  });

  it('providers are built when selected, and their failures name the plugin', async () => {
    const file = await setup('lazy', [
      {
        file: 'lazy.mjs',
        text: moduleText(`{ name: 'lazy', version: '1.0.0', hybridBench: '*',
          providers: { broken: () => { throw new Error('FAQ_KEY is not set'); }, hollow: () => ({ id: 'hollow' }) },
          tools: () => ({ agents: ['billing'], tools: [{ name: 't', description: 'd', parameters: {}, spec: {}, escalates: false, execute: () => 1 }] }) }`),
      },
    ]);
    const plugins = await loadPlugins(await loadDeployment(file, { env: {} }));
    await expect(plugins.createProvider('broken')).rejects.toMatchObject({
      code: PluginErrorCodes.factoryFailed,
      message: 'plugin "lazy" (./lazy.mjs): provider "broken" threw FAQ_KEY is not set',
    });
    await expect(plugins.createProvider('hollow')).rejects.toThrow(
      'plugin "lazy" (./lazy.mjs): provider "hollow" built something that is not a Provider: complete: expected a function, got nothing (the field is missing)',
    );
    expect(() => withPluginTools(createSupportDemo(), plugins.toolSets)).toThrow(
      'plugin "lazy" (./lazy.mjs): its tool set names agent "billing", which is not one of prototype, customer-service, technical-support, escalation',
    );
  });

  it('a router that returns no valid path fails the request naming the plugin', async () => {
    const file = await setup('bad-router', [
      {
        file: 'bad-router.mjs',
        text: moduleText(`{ name: 'bad-router', version: '1.0.0', hybridBench: '*',
          router: () => () => ({ path: 'fast', reason: 'rule' }) }`),
      },
    ]);
    const plugins = await loadPlugins(await loadDeployment(file, { env: {} }));
    const route = plugins.createRouter?.(DEFAULT_ROUTING);
    expect(() => route?.({ messages: [{ role: 'user', content: 'hi' }] })).toThrow(
      'plugin "bad-router" (./bad-router.mjs): its router returned a string ("fast") as the path, expected simple, complex or full',
    );
  });

  it('a second router, and a plugin that adds nothing', async () => {
    const router = `router: (routing, options, context) => context.builtIn`;
    await writeFile(join(dir, 'router-a.mjs'), moduleText(GOOD('router-a', router)));
    await writeFile(join(dir, 'router-b.mjs'), moduleText(GOOD('router-b', router)));
    const two = await failure(
      await setup('routers', [{ file: 'router-a.mjs' }, { file: 'router-b.mjs' }]),
    );
    expect(two.message).toContain(
      'plugin "router-b" (./router-b.mjs) replaces the router, and so does plugin "router-a" (./router-a.mjs): only one plugin may',
    );
    const empty = await failure(
      await setup('empty', [
        {
          file: 'empty.mjs',
          text: moduleText(`{ name: 'empty', version: '1.0.0', hybridBench: '*' }`),
        },
      ]),
    );
    expect(empty.message).toContain(
      '  the plugin adds nothing: expected at least one of providers, tools or router',
    );
  });
});
