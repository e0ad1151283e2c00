// The import graph's rules, checked by `npm run lint` (dependency-cruiser): the layers' directions that
// the TypeScript projects (tsconfig.json) cannot express. Type-only imports count: a circle of types is
// still a circle a reader has to walk.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles anywhere: each module can be read after the ones it imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-stays-shared',
      severity: 'error',
      comment: 'shared/ runs in the pane and in the service: it imports nothing from either.',
      from: { path: '^shared/' },
      to: { path: '^(server|addin)/' },
    },
    {
      name: 'xlsx-has-no-domain',
      severity: 'error',
      comment:
        'server/xlsx/ is a small workbook library: the domain (returns, sheets, the store) uses it, never the other way round.',
      from: { path: '^server/xlsx/' },
      to: { path: '^(shared|demo|addin)/|^server/(services|store|workbook|returns)/' },
    },
    {
      name: 'store-under-the-use-cases',
      severity: 'error',
      comment:
        'server/store/ keeps the data: the use cases, routes, mail and commands call it, never the other way round.',
      from: { path: '^server/store/' },
      to: { path: '^server/(services|returns|routes|mail|commands|workbook|auth)/' },
    },
    {
      name: 'config-is-the-ground-floor',
      severity: 'error',
      comment:
        "server/config.ts is read first and by everyone: it imports only Node, libraries and the logger's types.",
      from: { path: '^server/config\\.ts$' },
      to: { pathNot: '^node_modules/|^server/logger\\.ts$', dependencyTypesNot: ['core'] },
    },
    {
      name: 'config-takes-only-the-loggers-types',
      severity: 'error',
      comment: 'server/config.ts may name the log format, but does not load the logger.',
      from: { path: '^server/config\\.ts$' },
      to: { path: '^server/logger\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^(node_modules|dist|dist\\.[^/]*|addin/dist|coverage|data|\\.tsbuild)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
