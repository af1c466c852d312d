import express from 'express';

// Calls named like metric methods on things that are not metrics.
const seen = new Set<string>();
const counts = new Map<string, number>();
const stats = { inc: (_labels: Record<string, string>) => undefined };

export const app = express();
app.get('/items/:id', (req, res) => {
  seen.add(req.path);
  counts.set(req.params.id, (counts.get(req.params.id) ?? 0) + 1);
  stats.inc({ path: req.path });
  res.end();
});
