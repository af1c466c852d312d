// The panel's notices above the list, built with createElement/textContent only (their text comes
// from settings and file names): the sources' chips, the settings Restricted Mode holds back, and
// the offers to load lines a followed file held before the panel began reading it.
import type { ExistingLinesOffer, RestrictedSettingView, SourceStatusView, WebviewToExtension } from '../../../shared/src/panelMessages';
import { formatBytes, formatCount } from './format';

type Post = (m: WebviewToExtension) => void;

/** One chip per source: its label, and its state and why when it is not running. */
export function renderSourceChips(into: HTMLElement, sources: SourceStatusView[]): void {
  into.replaceChildren();
  for (const s of sources) {
    const chip = document.createElement('span');
    chip.className = `source state-${s.state}`;
    chip.title = s.detail ? `${s.label}: ${s.detail}` : s.label;
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = s.label;
    chip.append(label);
    if (s.state !== 'running') {
      const why = document.createElement('span');
      why.className = 'detail';
      why.textContent = `${s.state}${s.detail ? `: ${s.detail}` : ''}`;
      chip.append(why);
    }
    into.appendChild(chip);
  }
}

/** Says which workspace settings Restricted Mode holds back, why, and offers to manage trust. */
export function renderRestricted(into: HTMLElement, settings: RestrictedSettingView[], post: Post): void {
  into.replaceChildren();
  into.hidden = settings.length === 0;
  if (settings.length === 0) return;
  const title = document.createElement('strong');
  title.textContent = 'Restricted Mode. ';
  const intro = document.createElement('span');
  intro.textContent = 'This workspace is not trusted, so the log panel does not apply these settings from it:';
  const list = document.createElement('ul');
  for (const s of settings) {
    const item = document.createElement('li');
    const name = document.createElement('code');
    name.className = 'setting';
    name.textContent = s.setting;
    item.append(name, ` in ${s.where} ${s.effect}.`);
    list.append(item);
  }
  const after = document.createElement('span');
  after.textContent = 'Your user settings still apply. Trust the workspace to apply these too.';
  const manage = document.createElement('button');
  manage.type = 'button';
  manage.id = 'manage-trust';
  manage.textContent = 'Manage Workspace Trust';
  manage.addEventListener('click', () => post({ type: 'manageTrust' }));
  into.append(title, intro, list, after, manage);
}

/**
 * Files followed from their end that held lines already: says so, and offers to load their last
 * lines (observabilityLens.tail.loadExisting).
 */
export function renderExistingOffers(into: HTMLElement, offers: ExistingLinesOffer[], post: Post): void {
  into.replaceChildren();
  into.hidden = offers.length === 0;
  for (const o of offers) {
    const line = document.createElement('div');
    line.className = 'offer';
    const name = document.createElement('code');
    name.className = 'file';
    name.textContent = o.file;
    const text = document.createElement('span');
    text.textContent = ` held ${formatBytes(o.bytes)} when the panel began following it; only lines written since are shown.`;
    const load = document.createElement('button');
    load.type = 'button';
    load.className = 'load-existing';
    load.textContent = `Load the last ${formatCount(o.lines)} line${o.lines === 1 ? '' : 's'}`;
    load.addEventListener('click', () => post({ type: 'loadExisting', id: o.id }));
    line.append(name, text, load);
    into.append(line);
  }
}
