/** Track choices for a selection of campaign projects: the six tracks and "no track". */
import { COMPETITION_TRACKS, type CompetitionTrack } from '@pacer/domain';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app/LocaleProvider.tsx';
import { termOptions } from '../../../shared/vocabulary.ts';

export function useTrackOptions() {
  const { t } = useTranslation('campaign');
  const { locale } = useLocale();
  return [...termOptions(COMPETITION_TRACKS, locale), { value: 'none', label: t('members.noTrack') }];
}

/** 'none' stands for clearing the track (null on the wire). */
export const trackValue = (v: string): CompetitionTrack | null => (v === 'none' ? null : (v as CompetitionTrack));
