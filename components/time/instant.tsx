import { getFormatter } from 'next-intl/server';
import { ViewerTime } from './viewer-time';
import { dateFormat, instantFormat } from '@/lib/i18n/formats';

/**
 * An instant written in a given time zone (a call's), followed by the viewer's own time
 * when it differs. The <time> element carries the exact UTC value.
 */
export async function Instant({
  date,
  timeZone,
  showViewerTime = true,
  dateOnly = false,
}: {
  date: Date;
  timeZone: string;
  showViewerTime?: boolean;
  dateOnly?: boolean;
}) {
  const format = await getFormatter();
  const text = format.dateTime(
    date,
    dateOnly ? dateFormat(timeZone) : instantFormat(timeZone),
  );
  return (
    <span>
      <time dateTime={date.toISOString()}>{text}</time>
      {!dateOnly && showViewerTime && <ViewerTime iso={date.toISOString()} referenceZone={timeZone} />}
    </span>
  );
}
