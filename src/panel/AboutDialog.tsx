/**
 * About: what the atlas is, which data release it shows and how many records it holds, the whole
 * dataset to download (JSON as the app loads it, and the editors' long CSV), how to report a
 * missing cooperation.
 */
import { formatPartialDate } from '../i18n/format.ts';
import { STRINGS, fill } from '../i18n/strings.ts';
import { ModalDialog } from '../ui/ModalDialog.tsx';
import { useAtlas, useView } from '../ui/atlas-context.tsx';
import { download } from '../ui/download.ts';

export default function AboutDialog({ onClose }: { onClose: () => void }) {
  const { model } = useAtlas();
  const lang = useView((v) => v.lang);
  const s = STRINGS[lang];
  const version = model.atlas.dataVersion;
  const newest = model.atlas.cooperations.reduce((a, b) =>
    b.signed.start > a.signed.start ? b : a,
  );
  const base = `kooperationsatlas-daten-${version}`;
  const saveJson = () =>
    download(
      new Blob([`${JSON.stringify(model.data.raw, null, 2)}\n`], { type: 'application/json' }),
      `${base}.json`,
    );
  const saveCsv = async () => {
    const { default: toCsv } = await import('virtual:dataset-csv');
    const csv = toCsv(model.data.raw);
    download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
  };
  return (
    <ModalDialog title={s.aboutTitle} closeLabel={s.close} testId="about-dialog" onClose={onClose}>
      <p>{s.panelIntro}</p>
      <p data-testid="about-version">{fill(s.aboutVersion, { version })}</p>
      <p data-testid="about-count">
        {fill(s.aboutCount, {
          n: model.atlas.cooperations.length,
          date: formatPartialDate(newest.signed, lang),
        })}
      </p>
      <div className="about-downloads">
        <button type="button" className="text-button" onClick={saveJson} data-testid="dataset-json">
          {s.aboutDownloadJson}
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => void saveCsv()}
          data-testid="dataset-csv"
        >
          {s.aboutDownloadCsv}
        </button>
      </div>
      <p>{s.aboutSources}</p>
      <p>{s.aboutReport}</p>
      <p>{fill(s.attribution, { year: model.geoYear })}</p>
    </ModalDialog>
  );
}
