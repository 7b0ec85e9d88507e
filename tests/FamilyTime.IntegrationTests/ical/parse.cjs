// Reads an iCalendar file with node-ical, an outside parser, and prints its events as JSON, so the calendar tests
// check the feed as a calendar app reads it rather than through the library that wrote it.
// Usage: node parse.cjs FILE.ics
'use strict';
const fs = require('node:fs');
const ical = require('node-ical');

const text = fs.readFileSync(process.argv[2], 'utf8');
const data = ical.sync.parseICS(text);
const events = Object.values(data)
  .filter((c) => c.type === 'VEVENT')
  .map((e) => ({
    uid: e.uid,
    sequence: e.sequence === undefined ? null : Number(e.sequence),
    status: e.status ?? null,
    start: e.start ? new Date(e.start).toISOString() : null,
    end: e.end ? new Date(e.end).toISOString() : null,
    lastModified: e.lastmodified ? new Date(e.lastmodified).toISOString() : null,
    dtstamp: e.dtstamp ? new Date(e.dtstamp).toISOString() : null,
    summary: typeof e.summary === 'object' && e.summary !== null ? e.summary.val : e.summary ?? null,
  }));
process.stdout.write(JSON.stringify(events));
