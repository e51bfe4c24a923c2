"""Running the workbook: building a scholengroep's pages, serving them with Voila, and a page's visit."""
