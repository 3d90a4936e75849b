/**
 * GeoJSON (RFC 7946) for maps: each event a Point feature at its coordinates (longitude first),
 * its contract record as the properties. The collection can be written whole or streamed a
 * feature at a time between `FEATURE_COLLECTION_HEAD` and `FEATURE_COLLECTION_TAIL`.
 */
import type { EventRecord } from '../types.js';

export interface EventFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: EventRecord;
}

export interface EventFeatureCollection {
  type: 'FeatureCollection';
  features: EventFeature[];
}

export function toFeature(record: EventRecord): EventFeature {
  return { type: 'Feature', id: record.id, geometry: { type: 'Point', coordinates: [record.longitude, record.latitude] }, properties: record };
}

export function toFeatureCollection(records: readonly EventRecord[]): EventFeatureCollection {
  return { type: 'FeatureCollection', features: records.map(toFeature) };
}

/** Streaming: HEAD, then the features' JSON joined by commas, then TAIL, is one FeatureCollection. */
export const FEATURE_COLLECTION_HEAD = '{"type":"FeatureCollection","features":[';
export const FEATURE_COLLECTION_TAIL = ']}';
