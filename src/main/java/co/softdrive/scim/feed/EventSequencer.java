package co.softdrive.scim.feed;

import co.softdrive.scim.persistence.ChangeFeed;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Gives the change feed's cursors: moves committed rows of {@code change_event_pending} into {@code
 * change_event} in the order they were written, numbering them from the {@code outbox_sequence}
 * row, whose lock each batch holds until it commits. A row is only visible here once its writer has
 * committed, and cursors are only ever given under that lock, so cursors are gap-free, strictly
 * increasing, and never appear below one a consumer has already read. Any number of instances may
 * run it at once: they queue on the row lock. The statements are {@link
 * ChangeFeed#sequenceBatch}'s; this class owns the transactions.
 */
@ApplicationScoped
@QuietClientErrors
public class EventSequencer {
  /** Pending rows moved per transaction. */
  static final int BATCH = 1000;

  @Inject ChangeFeed feed;

  /**
   * Gives cursors to committed pending events, in the order they were written, until none is left;
   * returns how many it sequenced. Runs in its own transactions.
   */
  public int sequence() {
    int total = 0;
    int moved;
    do {
      moved = self().sequenceBatch();
      total += moved;
    } while (moved == BATCH);
    return total;
  }

  /** One transaction: at most {@link #BATCH} events. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int sequenceBatch() {
    return feed.sequenceBatch(BATCH);
  }

  /** This bean through its proxy, so that each batch gets its own transaction. */
  private EventSequencer self() {
    return CDI.current().select(EventSequencer.class).get();
  }
}
