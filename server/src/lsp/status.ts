// The workspace status the client shows in its status bar (WorkspaceStatusNotification), and
// configuration errors shown to the user once each (window/showMessage). Notifications are
// coalesced so a scan of thousands of files sends a handful, not thousands.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { WorkspaceStatusNotification, type WorkspaceStatusParams } from '../../../shared/src/protocol';
import { logEntry } from './serverLog';

const COALESCE_MS = 100;

export class StatusReporter {
  private state: WorkspaceStatusParams['state'] = 'idle';
  private filesAnalysed = 0;
  private filesTotal = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly shownErrors = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly findings: () => number,
    private readonly configErrors: () => string[],
  ) {}

  analysing(done: number, total: number): void {
    const starting = this.state !== 'analysing';
    this.state = 'analysing';
    this.filesAnalysed = done;
    this.filesTotal = total;
    // The start of a scan is always sent; the counts in between are coalesced.
    if (starting) this.sendNow();
    else this.schedule();
  }

  idle(total?: number): void {
    this.state = 'idle';
    if (total !== undefined) this.filesAnalysed = this.filesTotal = total;
    this.sendNow();
  }

  /** Something changed the findings count (a document was validated). */
  changed(): void {
    this.schedule();
  }

  /** Shows each configuration error the first time it appears. */
  reportConfigErrors(errors: readonly string[]): void {
    for (const error of errors) {
      if (this.shownErrors.has(error)) continue;
      this.shownErrors.add(error);
      this.connection.console.warn(logEntry('configuration problem', { error }));
      // A notification (window/showMessage), not a request: nothing waits for the user to dismiss it.
      void this.connection
        .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Observability Lens: ${error}` })
        .catch(() => undefined);
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.sendNow(), COALESCE_MS);
  }

  private sendNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const errors = this.configErrors();
    const params: WorkspaceStatusParams = {
      state: this.state,
      filesAnalysed: this.filesAnalysed,
      filesTotal: this.filesTotal,
      findings: this.findings(),
      ...(errors.length > 0 ? { configError: errors.join('\n') } : {}),
    };
    void this.connection.sendNotification(WorkspaceStatusNotification, params).catch(() => undefined);
  }
}
