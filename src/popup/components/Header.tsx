/** Title bar: the site, the per-site switch and the global pause. */
import type { Settings } from '../../core/settings';

export interface HeaderProps {
  host: string | null;
  settings: Settings;
  onSiteToggle(on: boolean): void;
  onPauseToggle(paused: boolean): void;
  onOptions(): void;
}

export function Header({ host, settings, onSiteToggle, onPauseToggle, onOptions }: HeaderProps) {
  const siteOn = host ? !settings.disabledSites.includes(host) : false;
  return (
    <header class="header">
      <div class="brand">
        <img src="/icons/icon-32.png" alt="" width="20" height="20" />
        <h1>Fineprint</h1>
        <button type="button" class="link options" onClick={onOptions}>
          Options
        </button>
      </div>
      <div class="switches">
        {host && (
          <label class="toggle-row">
            <input
              type="checkbox"
              checked={siteOn}
              onChange={(e) => onSiteToggle(e.currentTarget.checked)}
              data-testid="site-toggle"
            />
            On for <strong class="host">{host}</strong>
          </label>
        )}
        <label class="toggle-row">
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={(e) => onPauseToggle(e.currentTarget.checked)}
            data-testid="pause-toggle"
          />
          Pause everywhere
        </label>
      </div>
    </header>
  );
}
