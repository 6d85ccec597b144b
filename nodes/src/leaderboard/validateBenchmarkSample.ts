/** Job types a benchmark sample can measure (`benchmark_samples.job_type`). */
export type BenchmarkJobType = 'transcoding' | 'ai' | 'live'

/**
 * One row of ClickHouse `benchmark_samples` (indexer/clickhouse/migrations/0004_benchmarks.sql) as
 * JSON: snake_case keys, wei and UInt64 as decimal strings, times as ISO 8601 UTC strings,
 * latencies in milliseconds. This is what `POST /ingest/benchmark-samples` stores.
 */
export type BenchmarkSample = {
  sample_id: string
  started_at: string
  finished_at: string
  /** Lower-case 0x address. */
  orchestrator: string
  service_uri: string
  /** Upper-case region id, e.g. `FRA`. */
  region: string
  /** Lower-case 0x address of the testing gateway, or ''. */
  gateway: string
  job_type: BenchmarkJobType
  /** AI pipeline, '' for transcoding. */
  pipeline: string
  /** AI model id, '' for transcoding. */
  model: string
  model_is_warm: 0 | 1
  round: string
  success: 0 | 1
  success_rate: number
  round_trip_ms: number
  upload_ms: number
  download_ms: number
  transcode_ms: number
  time_to_first_ms: number
  seg_duration_ms: number
  segments_sent: number
  segments_received: number
  pixels: string
  output_fps: number
  price_per_unit_wei: string
  pixels_per_unit: string
  spend_wei: string
  tickets_sent: number
  ticket_face_value: string
  error_code: string
  /** JSON `[{error_code, message, count}]`. */
  errors: string
  /** JSON object. */
  input_parameters: string
}

/**
 * What a client may send: the required keys, the rest optional (defaults 0, '' or '0'); booleans
 * may be true/false or 0/1; integers may be numbers or decimal strings; `errors` and
 * `input_parameters` may be JSON values or JSON strings.
 */
export type BenchmarkSampleInput = Pick<BenchmarkSample, 'sample_id' | 'started_at' | 'finished_at' | 'orchestrator' | 'region' | 'job_type' | 'success_rate' | 'round_trip_ms'> &
  Partial<
    Omit<
      BenchmarkSample,
      'sample_id' | 'started_at' | 'finished_at' | 'orchestrator' | 'region' | 'job_type' | 'success_rate' | 'round_trip_ms' | 'model_is_warm' | 'success' | 'round' | 'pixels' | 'pixels_per_unit' | 'errors' | 'input_parameters'
    >
  > & {
    model_is_warm?: boolean | 0 | 1
    /** Default: success_rate = 1. */
    success?: boolean | 0 | 1
    round?: number | string
    pixels?: number | string
    pixels_per_unit?: number | string
    errors?: string | { error_code: string; message: string; count: number }[]
    input_parameters?: string | Record<string, unknown>
  }

/** A rejected field: which key and why. */
export type BenchmarkSampleFieldError = { field: string; message: string }

/** Return type of {@link validateBenchmarkSample}: the normalised row, or the first bad field. */
export type ValidateBenchmarkSampleReturnType = { status: 'ok'; sample: BenchmarkSample } | { status: 'error'; error: BenchmarkSampleFieldError }

const uint32Max = 2 ** 32 - 1
const uint64Max = 2n ** 64n - 1n
const uint256Max = 2n ** 256n - 1n
const addressPattern = /^0x[0-9a-fA-F]{40}$/
const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/
const keys = [
  'sample_id', 'started_at', 'finished_at', 'orchestrator', 'service_uri', 'region', 'gateway', 'job_type', 'pipeline', 'model',
  'model_is_warm', 'round', 'success', 'success_rate', 'round_trip_ms', 'upload_ms', 'download_ms', 'transcode_ms',
  'time_to_first_ms', 'seg_duration_ms', 'segments_sent', 'segments_received', 'pixels', 'output_fps', 'price_per_unit_wei',
  'pixels_per_unit', 'spend_wei', 'tickets_sent', 'ticket_face_value', 'error_code', 'errors', 'input_parameters',
] as const satisfies readonly (keyof BenchmarkSample)[]

class FieldError extends Error {
  constructor(readonly field: string, message: string) {
    super(message)
  }
}

/**
 * Validates and normalises one benchmark sample for `benchmark_samples`: required keys present,
 * no unknown keys, addresses lower-cased, region upper-cased, ISO times (finish not before
 * start), rates in [0, 1], non-negative finite milliseconds, integers in their column's range,
 * wei as decimal strings below 2^256, AI samples naming a pipeline and a model and transcoding ones
 * naming neither. Expected failures are values: the first bad field and why.
 *
 * @example
 * const result = validateBenchmarkSample(json)
 * if (result.status === 'error') return badRequest(`${result.error.field}: ${result.error.message}`)
 */
export function validateBenchmarkSample(input: unknown): ValidateBenchmarkSampleReturnType {
  try {
    return { status: 'ok', sample: normalise(input) }
  } catch (error) {
    if (error instanceof FieldError) return { status: 'error', error: { field: error.field, message: error.message } }
    throw error
  }
}

function normalise(input: unknown): BenchmarkSample {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FieldError('(sample)', 'must be a JSON object')
  const row = input as Record<string, unknown>
  for (const key of Object.keys(row)) if (!(keys as readonly string[]).includes(key)) throw new FieldError(key, 'is not a benchmark_samples column')

  const sample_id = text(row, 'sample_id', { required: true, max: 256 })
  if (sample_id === '') throw new FieldError('sample_id', 'must not be empty')
  const started = time(row, 'started_at')
  const finished = time(row, 'finished_at')
  if (finished.ms < started.ms) throw new FieldError('finished_at', 'must not be before started_at')
  const orchestrator = address(row, 'orchestrator', true)
  const region = text(row, 'region', { required: true, max: 32 }).toUpperCase()
  if (!/^[A-Z0-9_-]+$/.test(region)) throw new FieldError('region', 'must be a region id like FRA (letters, digits, _ or -)')
  const job_type = row.job_type
  if (job_type !== 'transcoding' && job_type !== 'ai' && job_type !== 'live') throw new FieldError('job_type', "must be 'transcoding', 'ai' or 'live'")
  const pipeline = text(row, 'pipeline', { max: 64 })
  const model = text(row, 'model', { max: 256 })
  if (job_type === 'transcoding' && (pipeline !== '' || model !== '')) throw new FieldError(pipeline !== '' ? 'pipeline' : 'model', "must be '' for transcoding samples")
  if (job_type !== 'transcoding' && pipeline === '') throw new FieldError('pipeline', `is required for ${job_type} samples`)
  if (job_type !== 'transcoding' && model === '') throw new FieldError('model', `is required for ${job_type} samples`)
  const success_rate = number(row, 'success_rate', { required: true, max: 1 })

  return {
    sample_id,
    started_at: started.iso,
    finished_at: finished.iso,
    orchestrator,
    service_uri: text(row, 'service_uri', { max: 2048 }),
    region,
    gateway: address(row, 'gateway', false),
    job_type,
    pipeline,
    model,
    model_is_warm: flag(row, 'model_is_warm', false),
    round: integer(row, 'round', uint64Max, 0n).toString(),
    success: flag(row, 'success', success_rate === 1),
    success_rate,
    round_trip_ms: number(row, 'round_trip_ms', { required: true }),
    upload_ms: number(row, 'upload_ms'),
    download_ms: number(row, 'download_ms'),
    transcode_ms: number(row, 'transcode_ms'),
    time_to_first_ms: number(row, 'time_to_first_ms'),
    seg_duration_ms: number(row, 'seg_duration_ms'),
    segments_sent: Number(integer(row, 'segments_sent', BigInt(uint32Max), 0n)),
    segments_received: Number(integer(row, 'segments_received', BigInt(uint32Max), 0n)),
    pixels: integer(row, 'pixels', uint64Max, 0n).toString(),
    output_fps: number(row, 'output_fps'),
    price_per_unit_wei: integer(row, 'price_per_unit_wei', uint256Max, 0n, true).toString(),
    pixels_per_unit: integer(row, 'pixels_per_unit', uint64Max, 1n).toString(),
    spend_wei: integer(row, 'spend_wei', uint256Max, 0n, true).toString(),
    tickets_sent: Number(integer(row, 'tickets_sent', BigInt(uint32Max), 0n)),
    ticket_face_value: integer(row, 'ticket_face_value', uint256Max, 0n, true).toString(),
    error_code: text(row, 'error_code', { max: 128 }),
    errors: errorsJson(row),
    input_parameters: objectJson(row, 'input_parameters'),
  }
}

function text(row: Record<string, unknown>, field: string, options: { required?: boolean; max: number }): string {
  const value = row[field]
  if (value === undefined || value === null) {
    if (options.required) throw new FieldError(field, 'is required')
    return ''
  }
  if (typeof value !== 'string') throw new FieldError(field, 'must be a string')
  if (value.length > options.max) throw new FieldError(field, `must be at most ${options.max} characters`)
  return value
}

function time(row: Record<string, unknown>, field: string): { iso: string; ms: number } {
  const value = text(row, field, { required: true, max: 40 })
  const ms = Date.parse(value)
  if (!isoPattern.test(value) || Number.isNaN(ms)) throw new FieldError(field, 'must be an ISO 8601 time with a zone, e.g. 2026-01-01T00:00:00.000Z')
  if (ms < 0 || ms >= Date.UTC(2262, 0, 1)) throw new FieldError(field, 'is out of range (1970–2261)')
  return { iso: new Date(ms).toISOString(), ms }
}

function address(row: Record<string, unknown>, field: string, required: boolean): string {
  const value = text(row, field, { required, max: 42 })
  if (value === '' && !required) return ''
  if (!addressPattern.test(value)) throw new FieldError(field, 'must be a 0x-prefixed 20-byte hex address')
  return value.toLowerCase()
}

function number(row: Record<string, unknown>, field: string, options: { required?: boolean; max?: number } = {}): number {
  const value = row[field]
  if (value === undefined || value === null) {
    if (options.required) throw new FieldError(field, 'is required')
    return 0
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FieldError(field, 'must be a finite number')
  if (value < 0) throw new FieldError(field, 'must not be negative')
  if (options.max !== undefined && value > options.max) throw new FieldError(field, `must be at most ${options.max}`)
  return value
}

function integer(row: Record<string, unknown>, field: string, max: bigint, fallback: bigint, decimalStringOnly = false): bigint {
  const value = row[field]
  if (value === undefined || value === null) return fallback
  let parsed: bigint
  if (typeof value === 'string' && /^\d{1,80}$/.test(value)) parsed = BigInt(value)
  else if (!decimalStringOnly && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) parsed = BigInt(value)
  else throw new FieldError(field, decimalStringOnly ? 'must be a decimal string of wei, e.g. "1000"' : 'must be a non-negative integer')
  if (parsed > max) throw new FieldError(field, `must be at most ${max}`)
  return parsed
}

function flag(row: Record<string, unknown>, field: string, fallback: boolean): 0 | 1 {
  const value = row[field]
  if (value === undefined || value === null) return fallback ? 1 : 0
  if (value === true || value === 1) return 1
  if (value === false || value === 0) return 0
  throw new FieldError(field, 'must be true, false, 0 or 1')
}

function parseJsonField(row: Record<string, unknown>, field: string): unknown {
  const value = row[field]
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    throw new FieldError(field, 'is not valid JSON')
  }
}

function errorsJson(row: Record<string, unknown>): string {
  if (row.errors === undefined || row.errors === null) return '[]'
  const value = parseJsonField(row, 'errors')
  if (!Array.isArray(value)) throw new FieldError('errors', 'must be an array of {error_code, message, count}')
  const errors = value.map((entry: unknown, index) => {
    const item = entry as Record<string, unknown>
    if (typeof entry !== 'object' || entry === null || typeof item.error_code !== 'string' || typeof item.message !== 'string' || !Number.isSafeInteger(item.count) || (item.count as number) < 0)
      throw new FieldError(`errors[${index}]`, 'must be {error_code: string, message: string, count: non-negative integer}')
    return { error_code: item.error_code, message: item.message, count: item.count }
  })
  return JSON.stringify(errors)
}

function objectJson(row: Record<string, unknown>, field: string): string {
  if (row[field] === undefined || row[field] === null) return '{}'
  const value = parseJsonField(row, field)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FieldError(field, 'must be a JSON object')
  return JSON.stringify(value)
}
