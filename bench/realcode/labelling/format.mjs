// A label file's text: labels sorted by file, line and rule, each on one line (diffs stay readable).
export function formatLabelFile(repo) {
  const labels = [...repo.labels].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
  const text = JSON.stringify({ ...repo, labels }, null, 2);
  return text.replace(/\{\n\s+"file": ([^\n]+)\n\s+"line": ([^\n]+)\n\s+"rule": ([^\n]+)\n\s+"verdict": ([^\n]+)\n\s+"reason": ([^\n]+)\n\s+\}/g, '{ "file": $1 "line": $2 "rule": $3 "verdict": $4 "reason": $5 }') + '\n';
}
