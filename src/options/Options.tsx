/** Options page: defaults for highlighting, sensitivity, colours, sites and history. */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_IDS, CATEGORY_INFO, SENSITIVE_IDS, SENSITIVE_INFO } from '../core/taxonomy';
import { PALETTES, SENSITIVITIES, type Settings } from '../core/settings';

export interface OptionsConnector {
  readSettings(): Promise<Settings>;
  updateSettings(change: (current: Settings) => Settings): Promise<Settings>;
  clearHistory(): Promise<void>;
}

const SENSITIVITY_TEXT = {
  fewer: 'Fewer, surer highlights',
  balanced: 'Balanced (recommended)',
  more: 'More highlights, more false alarms',
} as const;

export function Options({ connector }: { connector: OptionsConnector }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => void connector.readSettings().then(setSettings), [connector]);
  if (!settings) return <p>Loading…</p>;

  const change = async (fn: (s: Settings) => Settings) => {
    setSettings(await connector.updateSettings(fn));
    setStatus('Saved.');
  };
  // Read the checkbox while its event is dispatched: the update itself runs later.
  const set = (on: boolean, fn: (s: Settings, on: boolean) => Settings) => change((s) => fn(s, on));

  return (
    <main>
      <h1>Fineprint options</h1>
      <p role="status" aria-live="polite" class="muted">
        {status}
      </p>
      <fieldset>
        <legend>Categories highlighted by default</legend>
        {CATEGORY_IDS.map((id) => (
          <label key={id} class="row">
            <input
              type="checkbox"
              checked={settings.enabledCategories[id]}
              onChange={(e) =>
                void set(e.currentTarget.checked, (s, on) => ({
                  ...s,
                  enabledCategories: { ...s.enabledCategories, [id]: on },
                }))
              }
            />
            {CATEGORY_INFO[id].name} <span class="muted">— {CATEGORY_INFO[id].why}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sensitive data phrases</legend>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.showSensitive}
            onChange={(e) =>
              void set(e.currentTarget.checked, (s, on) => ({ ...s, showSensitive: on }))
            }
          />
          Highlight sensitive-data phrases
        </label>
        {SENSITIVE_IDS.map((id) => (
          <label key={id} class="row indent">
            <input
              type="checkbox"
              checked={settings.sensitiveTypes[id]}
              onChange={(e) =>
                void set(e.currentTarget.checked, (s, on) => ({
                  ...s,
                  sensitiveTypes: { ...s.sensitiveTypes, [id]: on },
                }))
              }
            />
            {SENSITIVE_INFO[id].name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sensitivity</legend>
        {SENSITIVITIES.map((value) => (
          <label key={value} class="row">
            <input
              type="radio"
              name="sensitivity"
              checked={settings.sensitivity === value}
              onChange={() => void change((s) => ({ ...s, sensitivity: value }))}
            />
            {SENSITIVITY_TEXT[value]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Colours</legend>
        {PALETTES.map((value) => (
          <label key={value} class="row">
            <input
              type="radio"
              name="palette"
              checked={settings.palette === value}
              onChange={() => void change((s) => ({ ...s, palette: value }))}
            />
            {value === 'default' ? 'Colour-blind-safe palette' : 'High contrast'}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sites where Fineprint is off</legend>
        {settings.disabledSites.length === 0 && <p class="muted">None.</p>}
        <ul>
          {settings.disabledSites.map((host) => (
            <li key={host}>
              {host}{' '}
              <button
                type="button"
                onClick={() =>
                  void change((s) => ({
                    ...s,
                    disabledSites: s.disabledSites.filter((h) => h !== host),
                  }))
                }
              >
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Change tracking</legend>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.trackChanges}
            onChange={(e) =>
              void set(e.currentTarget.checked, (s, on) => ({ ...s, trackChanges: on }))
            }
          />
          Remember policies I read and show what changed on my next visit
        </label>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.storeFullText}
            onChange={(e) =>
              void set(e.currentTarget.checked, (s, on) => ({ ...s, storeFullText: on }))
            }
          />
          Also keep the full text of removed paragraphs (stored only on this computer)
        </label>
        <button
          type="button"
          onClick={() => void connector.clearHistory().then(() => setStatus('History cleared.'))}
        >
          Clear policy history
        </button>
      </fieldset>
    </main>
  );
}
