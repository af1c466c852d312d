// The status bar item: workspace analysis progress, then the findings count; a warning colour and
// the message in the tooltip when the configuration is invalid. Clicking it shows the output.
import * as vscode from 'vscode';
import type { WorkspaceStatusParams } from '../../../shared/src/protocol';

export function createStatusBar(showOutputCommand: string): { item: vscode.StatusBarItem; update(status: WorkspaceStatusParams): void } {
  const item = vscode.window.createStatusBarItem('observabilityLens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Observability Lens';
  item.command = showOutputCommand;
  item.text = '$(pulse) Obs Lens';
  item.show();
  return {
    item,
    update(status: WorkspaceStatusParams): void {
      const count = status.findings === 1 ? '1 finding' : `${status.findings} findings`;
      item.text = status.state === 'analysing' ? `$(sync~spin) Obs Lens ${status.filesAnalysed}/${status.filesTotal}` : `$(pulse) Obs Lens: ${count}`;
      if (status.configError) {
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        item.tooltip = `Observability Lens configuration problem:\n${status.configError}`;
      } else {
        item.backgroundColor = undefined;
        item.tooltip = status.state === 'analysing' ? `Analysing ${status.filesAnalysed} of ${status.filesTotal} files` : `Observability Lens: ${count} in the workspace`;
      }
    },
  };
}
