package org.fengqiao.documents;

import java.time.Instant;
import java.util.List;

import org.fengqiao.cases.CaseAttachments.AttachmentInfo;
import org.fengqiao.cases.CaseFileViews.Records;
import org.fengqiao.cases.CaseViews.CaseView;
import org.fengqiao.cases.CaseViews.PartyView;
import org.fengqiao.cases.CaseViews.TimelineEntry;

/**
 * What the documents of one case are made from, read through the public API of {@code cases}.
 *
 * @param masked personal data masked: parties already are, free text is masked where it is written out
 * @param asOf   the moment the dossier stands at (now, or the archiving for a case file)
 */
record Dossier(CaseView c, List<PartyView> parties, Records records, List<TimelineEntry> timeline,
               List<AttachmentInfo> attachments, List<Signatures.Given> signatures, boolean masked, Instant asOf) {
}
