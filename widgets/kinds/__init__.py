"""One widget per exercise kind; each saves exactly the Answer its kind in workbook.kinds declares."""
