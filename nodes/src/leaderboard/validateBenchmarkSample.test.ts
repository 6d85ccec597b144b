import assert from 'node:assert/strict'
import { test } from 'node:test'
import { validateBenchmarkSample, type BenchmarkSampleInput } from './validateBenchmarkSample.ts'

const base = {
  sample_id: 'abc',
  started_at: '2026-01-01T00:00:00Z',
  finished_at: '2026-01-01T00:00:05.250+00:00',
  orchestrator: '0x00000000000000000000000000000000000000AA',
  region: 'fra',
  job_type: 'ai',
  pipeline: 'image-to-text',
  model: 'PaddlePaddle/PP-OCRv4',
  success_rate: 1,
  round_trip_ms: 812.5,
} satisfies BenchmarkSampleInput

test('unit: a minimal sample is normalised with defaults', () => {
  const result = validateBenchmarkSample({ ...base, price_per_unit_wei: '4768371', pixels: 307200, errors: '[]', input_parameters: { width: 640 } })
  assert.equal(result.status, 'ok')
  assert.deepEqual(result.status === 'ok' && result.sample, {
    sample_id: 'abc', started_at: '2026-01-01T00:00:00.000Z', finished_at: '2026-01-01T00:00:05.250Z',
    orchestrator: '0x00000000000000000000000000000000000000aa', service_uri: '', region: 'FRA', gateway: '', job_type: 'ai',
    pipeline: 'image-to-text', model: 'PaddlePaddle/PP-OCRv4', model_is_warm: 0, round: '0', success: 1, success_rate: 1,
    round_trip_ms: 812.5, upload_ms: 0, download_ms: 0, transcode_ms: 0, time_to_first_ms: 0, seg_duration_ms: 0,
    segments_sent: 0, segments_received: 0, pixels: '307200', output_fps: 0, price_per_unit_wei: '4768371', pixels_per_unit: '1',
    spend_wei: '0', tickets_sent: 0, ticket_face_value: '0', error_code: '', errors: '[]', input_parameters: '{"width":640}',
  })
})

test('unit: each bad field is named', () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ sample_id: undefined }, 'sample_id', 'is required'],
    [{ started_at: '2026-01-01' }, 'started_at', 'must be an ISO 8601 time with a zone, e.g. 2026-01-01T00:00:00.000Z'],
    [{ finished_at: '2025-12-31T23:59:59Z' }, 'finished_at', 'must not be before started_at'],
    [{ orchestrator: '0x1234' }, 'orchestrator', 'must be a 0x-prefixed 20-byte hex address'],
    [{ region: 'Frankfurt am Main' }, 'region', 'must be a region id like FRA (letters, digits, _ or -)'],
    [{ job_type: 'video' }, 'job_type', "must be 'transcoding', 'ai' or 'live'"],
    [{ job_type: 'transcoding' }, 'pipeline', "must be '' for transcoding samples"],
    [{ success_rate: -0.1 }, 'success_rate', 'must not be negative'],
    [{ round_trip_ms: Number.NaN }, 'round_trip_ms', 'must be a finite number'],
    [{ segments_sent: 2 ** 32 }, 'segments_sent', 'must be at most 4294967295'],
    [{ spend_wei: 5 }, 'spend_wei', 'must be a decimal string of wei, e.g. "1000"'],
    [{ ticket_face_value: (2n ** 256n).toString() }, 'ticket_face_value', `must be at most ${2n ** 256n - 1n}`],
    [{ model_is_warm: 'yes' }, 'model_is_warm', 'must be true, false, 0 or 1'],
    [{ errors: [{ error_code: 'X' }] }, 'errors[0]', 'must be {error_code: string, message: string, count: non-negative integer}'],
    [{ input_parameters: '[1]' }, 'input_parameters', 'must be a JSON object'],
    [{ extra: 1 }, 'extra', 'is not a benchmark_samples column'],
  ]
  for (const [patch, field, message] of cases) assert.deepEqual(validateBenchmarkSample({ ...base, ...patch }), { status: 'error', error: { field, message } }, field)
  assert.deepEqual(validateBenchmarkSample([base]), { status: 'error', error: { field: '(sample)', message: 'must be a JSON object' } })
})
