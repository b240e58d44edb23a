/** The page header: title, search, map/table switch and the buttons of the app. */
import { STRINGS } from '../i18n/strings.ts';
import { Search } from '../panel/Search.tsx';
import { useAct, useView } from '../ui/atlas-context.tsx';
import { enterFullscreen } from '../ui/fullscreen.ts';

export type DialogName = 'share' | 'cite' | 'export' | 'about';

export function Header({ onDialog }: { onDialog: (d: DialogName) => void }) {
  const lang = useView((v) => v.lang);
  const theme = useView((v) => v.theme);
  const tab = useView((v) => v.tab);
  const act = useAct();
  const s = STRINGS[lang];
  const buttons: {
    label: string;
    testId: string;
    onClick: () => void;
    pressed?: boolean;
    lang?: string;
  }[] = [
    { label: s.share, testId: 'share', onClick: () => onDialog('share') },
    { label: s.cite, testId: 'cite', onClick: () => onDialog('cite') },
    { label: s.export, testId: 'export', onClick: () => onDialog('export') },
    {
      label: s.present,
      testId: 'present',
      onClick: () => {
        act({ present: true, tab: 'map' });
        enterFullscreen();
      },
    },
    { label: s.about, testId: 'about', onClick: () => onDialog('about') },
    {
      label: s.switchLanguage,
      testId: 'lang-switch',
      lang: lang === 'de' ? 'en' : 'de',
      onClick: () => act({ lang: lang === 'de' ? 'en' : 'de' }),
    },
    {
      label: theme === 'dark' ? s.themeLight : s.themeDark,
      testId: 'theme-switch',
      pressed: theme === 'dark',
      onClick: () => act({ theme: theme === 'dark' ? 'light' : 'dark' }),
    },
  ];
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{s.appTitle}</h1>
        <p className="tagline">{s.appTagline}</p>
      </div>
      <Search />
      <nav className="header-controls" aria-label={s.views}>
        <div className="segmented" role="group" aria-label={s.views}>
          <button type="button" aria-pressed={tab === 'map'} onClick={() => act({ tab: 'map' })}>
            {s.tabMap}
          </button>
          <button
            type="button"
            aria-pressed={tab === 'table'}
            onClick={() => act({ tab: 'table' })}
            data-testid="tab-table"
          >
            {s.tabTable}
          </button>
          <button
            type="button"
            aria-pressed={tab === 'matrix'}
            onClick={() => act({ tab: 'matrix' })}
            data-testid="tab-matrix"
          >
            {s.tabMatrix}
          </button>
        </div>
        {buttons.map((b) => (
          <button
            key={b.testId}
            type="button"
            className="text-button"
            onClick={b.onClick}
            data-testid={b.testId}
            {...(b.pressed !== undefined ? { 'aria-pressed': b.pressed } : {})}
            {...(b.lang ? { lang: b.lang } : {})}
          >
            {b.label}
          </button>
        ))}
      </nav>
    </header>
  );
}
