import { describe, expect, test } from 'vitest';
import { formatFiles, formatMegabytes, keepFailed, keepProgress, keepSummary, offlineNotices } from '../../src/search/messages.ts';

describe('formatFiles', () => {
  test('returns "1 file" and "1,242 files"', () => {
    expect(formatFiles(1)).toBe('1 file');
    expect(formatFiles(0)).toBe('0 files');
    expect(formatFiles(1242)).toBe('1,242 files');
  });
});

describe('formatMegabytes', () => {
  test('returns megabytes with one decimal', () => {
    expect(formatMegabytes(93_224)).toBe('0.1 MB');
    expect(formatMegabytes(12_449_000)).toBe('12.4 MB');
  });
});

describe('keepProgress', () => {
  test('returns "n of m files"', () => {
    expect(keepProgress(12, 1242)).toBe('12 of 1,242 files');
    expect(keepProgress(1, 1)).toBe('1 of 1 file');
  });
});

describe('keepSummary', () => {
  test('says the whole catalog is kept when every file is', () => {
    expect(keepSummary({ files: 3, bytes: 2_000_000, kept: 3, keptBytes: 2_000_000 })).toBe('This device keeps the whole catalog for offline use: 3 files, 2.0 MB.');
  });
  test('says what is left to download when part is kept', () => {
    expect(keepSummary({ files: 10, bytes: 5_000_000, kept: 4, keptBytes: 1_000_000 })).toBe('This device keeps 4 of 10 files of the search index and the papers\' copies; 4.0 MB more to download.');
  });
  test('says what the download is when nothing is kept', () => {
    expect(keepSummary({ files: 10, bytes: 5_000_000, kept: 0, keptBytes: 0 })).toBe('Downloads 5.0 MB: the search index, and a copy of every paper to read offline.');
  });
});

describe('keepFailed', () => {
  test('says how many files failed and that keeping needs the network', () => {
    expect(keepFailed(2)).toMatch(/^2 files could not be downloaded\. Keeping the catalog needs the network/);
  });
});

describe('offlineNotices', () => {
  const online = { offline: false, kept: false, term: 'speech', wordsNeedNetwork: false };

  test('says nothing online', () => {
    expect(offlineNotices(online)).toEqual({ banner: null, words: null, noneMatch: true });
  });
  test('says the search is offline and partial when the device keeps only part of the catalog', () => {
    expect(offlineNotices({ ...online, offline: true }).banner).toMatch(/^You are offline, and search covers only the part of the catalog this device keeps/);
    expect(offlineNotices({ ...online, offline: true }).words).toBeNull();
  });
  test('says the search is complete offline when the device keeps the whole catalog', () => {
    expect(offlineNotices({ ...online, offline: true, kept: true })).toEqual({ banner: 'You are offline. This device keeps the whole catalog, so search works as usual.', words: null, noneMatch: true });
  });
  test('says which words need the network, and that the search is partial', () => {
    const notices = offlineNotices({ ...online, term: ' speech  ', wordsNeedNetwork: true });
    expect(notices.words).toBe('Searching for “speech” needs the network: part of the index it uses is not kept on this device, so results may be missing. Connect, or keep the whole catalog for offline use.');
    expect(notices.banner).toMatch(/^You are offline, and search covers only/);
  });
  test('never lets a search say that no papers match while part of the index needs the network', () => {
    expect(offlineNotices({ ...online, offline: true }).noneMatch).toBe(false);
    expect(offlineNotices({ ...online, wordsNeedNetwork: true }).noneMatch).toBe(false);
    expect(offlineNotices({ ...online, offline: true, kept: true }).noneMatch).toBe(true);
  });
  test('leaves the words out of the notice when there are none', () => {
    expect(offlineNotices({ ...online, term: '', wordsNeedNetwork: true }).words).toMatch(/^Searching needs the network/);
  });
});
