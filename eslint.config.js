import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

/**
 * The layers of src/, bottom to top. A module may import from its own folder and from the layers
 * below, never from a layer above; a feature folder never imports another feature folder.
 */
const LAYERS = [
  ['core', 'src/{data,time,geo}'],
  ['base', 'src/{model,i18n,style}'],
  ['view', 'src/view'],
  ['ui', 'src/ui'],
];
const FEATURES = ['map', 'timeline', 'panel', 'matrix', 'embed', 'present', 'export', 'share'];
const below = (i) => LAYERS.slice(0, i).map(([type]) => type);

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-e2e',
      'dist-single',
      '.cache',
      'test-results',
      'bench/results',
      'bench/.*',
      'tests/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'] }],
      'prefer-const': 'error',
    },
  },
  {
    // The import direction of src/ (see the README's architecture section).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        ...LAYERS.map(([type, pattern]) => ({ type, pattern })),
        ...FEATURES.map((f) => ({ type: f, pattern: `src/${f}` })),
        { type: 'app', pattern: 'src/app' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...LAYERS.map(([type], i) => ({
              from: { element: { type } },
              allow: { to: { element: { types: { anyOf: [type, ...below(i)] } } } },
            })),
            ...FEATURES.map((f) => ({
              from: { element: { type: f } },
              allow: { to: { element: { types: { anyOf: [f, ...below(LAYERS.length)] } } } },
            })),
            { from: { element: { type: 'app' } }, allow: { to: { element: { type: '*' } } } },
            // Libraries and data files are not layers.
            { allow: { to: { module: { origin: 'external' } } } },
          ],
        },
      ],
    },
  },
  {
    // The pure layers never touch React, MapLibre or the DOM's globals.
    files: ['src/{data,time,geo,model,i18n,style}/**', 'src/view/!(store).ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'Pure layer: no React.' },
            { group: ['maplibre-gl'], allowTypeImports: true, message: 'Pure layer: no MapLibre.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'location', 'navigator'],
    },
  },
);
