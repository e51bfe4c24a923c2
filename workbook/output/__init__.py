"""What leaves the workbook: the trainer's room results, the participant report and the export."""
