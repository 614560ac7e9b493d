/** A problem photo's metadata as the API shows it; the bytes are served by their own route. */
export function presentPhoto(p: {
  id: string;
  contentType: string;
  width: number;
  height: number;
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  caption: string | null;
  uploadedAt: Date;
}) {
  return {
    id: p.id,
    contentType: p.contentType,
    width: p.width,
    height: p.height,
    takenAt: p.takenAt?.toISOString() ?? null,
    latitude: p.latitude,
    longitude: p.longitude,
    caption: p.caption,
    uploadedAt: p.uploadedAt.toISOString(),
    url: `/api/problem-photos/${p.id}`,
  };
}
