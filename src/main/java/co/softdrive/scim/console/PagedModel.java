package co.softdrive.scim.console;

import co.softdrive.scim.inspection.Slice;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A lazy PrimeFaces table model whose pages come from the database: subclasses count and load one
 * {@link Slice}. Only the first sort column is used; the filters live in the page bean.
 */
abstract class PagedModel<T> extends LazyDataModel<T> {
  private static final long serialVersionUID = 1L;

  protected abstract long total();

  protected abstract List<T> load(Slice slice);

  /** A row's id (used as the row key). */
  protected abstract String id(T row);

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, total());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return load(slice(first, pageSize, sortBy));
  }

  @Override
  public String getRowKey(T row) {
    return id(row);
  }

  /** A selected row on a postback: looked up among the rows of the page last loaded. */
  @Override
  @SuppressWarnings("unchecked")
  public T getRowData(String rowKey) {
    return rowKey == null ? null : find((List<T>) getWrappedData(), rowKey);
  }

  T find(List<T> rows, String rowKey) {
    if (rows != null) {
      for (T row : rows) {
        if (rowKey.equals(id(row))) {
          return row;
        }
      }
    }
    return null;
  }

  static Slice slice(int first, int pageSize, Map<String, SortMeta> sortBy) {
    String field = null;
    boolean ascending = true;
    if (sortBy != null) {
      for (SortMeta s : sortBy.values()) {
        if (s.getOrder() != SortOrder.UNSORTED) {
          field = s.getField();
          ascending = s.getOrder() != SortOrder.DESCENDING;
          break;
        }
      }
    }
    return new Slice(first, pageSize, field, ascending);
  }
}
