// Files shown to people: sizes, the kind of a document, what may be uploaded.

// 「856 B」「12.3 KB」「4.5 MB」
export function fmtSize(n) {
  n = Number(n) || 0
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

// The kind of a stored file by its type (and name): {label, cls} for the badge before its name.
const KINDS = [
  { re: /pdf/i, label: 'PDF', cls: 'pdf' },
  { re: /word|opendocument\.text|\.(docx?|odt|wps)$/i, label: '文档', cls: 'doc' },
  { re: /sheet|excel|opendocument\.spreadsheet|\.(xlsx?|ods|et)$/i, label: '表格', cls: 'xls' },
  { re: /presentation|powerpoint|opendocument\.presentation|\.(pptx?|odp|dps)$/i, label: '演示', cls: 'ppt' },
]
export function fileKind(att) {
  const key = `${att.mime || ''} ${att.filename || ''}`
  for (const k of KINDS) if (k.re.test(key)) return k
  return { label: '文件', cls: 'other' }
}

// what the file picker offers (the server decides by the content: images, PDF, Office)
export const UPLOAD_ACCEPT = [
  'image/jpeg', 'image/png', 'image/gif', 'image/webp',
  '.jpg', '.jpeg', '.png', '.gif', '.webp', '.pdf',
  '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.odp', '.wps', '.et',
].join(',')
export const UPLOAD_HINT = '可直接将文件拖到这里；支持图片、PDF、Word、Excel、PPT、WPS 文件，单个不超过 10 MB'

// the default upload limit (WENMING_MAX_UPLOAD): a failed upload of a larger file says so
export const UPLOAD_LIMIT = 10 * 1024 * 1024
