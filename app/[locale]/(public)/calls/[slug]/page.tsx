import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApplyPanel } from '@/components/calls/apply-panel';
import { CallView } from '@/components/calls/call-view';
import { QuestionsPanel } from '@/components/calls/questions-panel';
import { ClientMessages } from '@/components/i18n/client-messages';
import { Instant } from '@/components/time/instant';
import { placeholderParam } from '@/lib/cache/static-params';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { cachedImpact, cachedPublicCall } from '@/lib/data/public';
import { Link } from '@/lib/i18n/navigation';
import { questionDeadline } from '@/lib/data/questions';
import { pageLocale, pageSlug } from '@/lib/i18n/page';
import { callTitleIn } from '@/lib/calls/languages';

type Props = { params: Promise<{ locale: string; slug: string }> };

/** See lib/cache/static-params.ts: every call's page is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [{ slug: placeholderParam }];
}

async function load(params: Props['params']) {
  return cachedPublicCall(await pageSlug(params));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load(params);
  const locale = await pageLocale(params);
  return { title: detail ? callTitleIn(detail.call, locale) : undefined };
}

/**
 * A call's public page: cached and the same for every reader (drafts are previewed at
 * /admin/calls/[id]/preview). Applying and asking are islands that know the reader.
 */
export default async function CallPage({ params }: Props) {
  const detail = await load(params);
  if (!detail) notFound();
  const { call, phase } = detail;
  const deadline = questionDeadline(call);
  // Once partners have reported, the call's page leads to the people they reached.
  const impact = phase === 'results' ? await cachedImpact(call.slug) : null;
  const ti = await getTranslations('impact');
  return (
    <ClientMessages namespaces={['call', 'questions', 'validation']}>
      <CallView
        detail={detail}
        phase={phase}
        applyPanel={
          <>
            <ApplyPanel
              slug={call.slug}
              phase={phase}
              opensAt={call.opensAt?.toISOString() ?? null}
              closesAt={call.closesAt?.toISOString() ?? null}
              opensOn={call.opensAt && <Instant date={call.opensAt} timeZone={call.timeZone} />}
            />
            {impact && impact.reports > 0 && (
              <Link href={`/calls/${call.slug}/impact`} className={buttonClass('secondary', 'lg', 'w-full')}>
                {ti('seeImpact')}
              </Link>
            )}
            {phase === 'results' && (
              <Link href={`/calls/${call.slug}/report`} className={buttonClass('secondary', 'lg', 'w-full')}>
                {ti('programmeReport')}
              </Link>
            )}
          </>
        }
        questionsPanel={
          <QuestionsPanel
            callId={call.id}
            slug={call.slug}
            open={detail.questionsOpen}
            callOpen={phase === 'open'}
            deadline={deadline?.toISOString() ?? null}
            deadlineText={deadline && <Instant date={deadline} timeZone={call.timeZone} />}
          />
        }
      />
    </ClientMessages>
  );
}
