// What an uploader in the browser is told of the upload policy: the size limit and the types the
// file picker offers. The server checks the bytes again; this only spares a doomed upload.
import { allowedExtraTypes, formatBytes, RASTER_IMAGE_TYPES } from "./process";

export function uploadLimits(opts: { upload_max_bytes: number; upload_extra_types: string }) {
  return {
    maxBytes: opts.upload_max_bytes,
    maxLabel: formatBytes(opts.upload_max_bytes),
    accept: [...Object.keys(RASTER_IMAGE_TYPES), ...allowedExtraTypes(opts.upload_extra_types)].join(","),
  };
}
