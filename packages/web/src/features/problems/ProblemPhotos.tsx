/** Photos of a problem or of one step, as tiles that open full size. */
import { Image } from 'antd';
import dayjs from 'dayjs';
import type { ProblemPhoto } from './photos.ts';

export function ProblemPhotos({ photos }: { photos: readonly ProblemPhoto[] }) {
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <div className="pacer-problem-photos" data-testid="problem-photos">
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.url}
            width={72}
            height={72}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={p.caption ?? (p.takenAt ? dayjs(p.takenAt).format('YYYY-MM-DD HH:mm') : '')}
          />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
