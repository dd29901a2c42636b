// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {HardwareAssetRegistryFixture} from "./utils/HardwareAssetRegistryFixture.sol";

/// Utilization reports: who may report for which asset, and the period and bounds checked, one by one or batched.
contract HardwareAssetUtilizationTest is HardwareAssetRegistryFixture {
    // ─── reportUtilization ──────────────────────────────────────────────────────────────────────────────

    function test_reportUtilization_byOperator_emits() public {
        uint64 end = uint64(block.timestamp);
        uint64 start = end - 1 days;
        vm.expectEmit(true, false, false, true, address(registry));
        emit UtilizationReported(assetA, start, end, 8_750, operator);
        vm.prank(operator);
        registry.reportUtilization(assetA, start, end, 8_750);
    }

    function test_reportUtilization_byReporterRole_emits() public {
        uint64 end = uint64(block.timestamp - 1 hours);
        uint64 start = end - 7 days;
        vm.expectEmit(true, false, false, true, address(registry));
        emit UtilizationReported(assetB, start, end, 10_000, reporter);
        vm.prank(reporter);
        registry.reportUtilization(assetB, start, end, 10_000);
    }

    function test_reportUtilization_operatorOfAnotherAssetReverts() public {
        uint256 fleet = _register(address(pool), fleetOperator, "AMR");
        vm.expectRevert(
            abi.encodeWithSelector(HardwareAssetRegistry.NotOperatorOrReporter.selector, assetA, fleetOperator)
        );
        vm.prank(fleetOperator);
        registry.reportUtilization(assetA, uint64(block.timestamp - 1 days), uint64(block.timestamp), 5_000);

        // ...but it may report for its own.
        vm.prank(fleetOperator);
        registry.reportUtilization(fleet, uint64(block.timestamp - 1 days), uint64(block.timestamp), 5_000);
    }

    function test_reportUtilization_strangerReverts() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.NotOperatorOrReporter.selector, assetA, stranger));
        vm.prank(stranger);
        registry.reportUtilization(assetA, uint64(block.timestamp - 1 days), uint64(block.timestamp), 5_000);
    }

    function test_reportUtilization_adminAndRegistrarAreNotReporters() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.NotOperatorOrReporter.selector, assetA, admin));
        vm.prank(admin);
        registry.reportUtilization(assetA, uint64(block.timestamp - 1 days), uint64(block.timestamp), 5_000);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.NotOperatorOrReporter.selector, assetA, manager));
        vm.prank(manager);
        registry.reportUtilization(assetA, uint64(block.timestamp - 1 days), uint64(block.timestamp), 5_000);
    }

    function test_reportUtilization_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 42));
        vm.prank(reporter);
        registry.reportUtilization(42, uint64(block.timestamp - 1 days), uint64(block.timestamp), 5_000);
    }

    function test_reportUtilization_revertsWhenEndEqualsStart() public {
        uint64 t = uint64(block.timestamp - 10);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.InvalidPeriod.selector, t, t));
        vm.prank(operator);
        registry.reportUtilization(assetA, t, t, 5_000);
    }

    function test_reportUtilization_revertsWhenEndBeforeStart() public {
        uint64 start = uint64(block.timestamp - 10);
        uint64 end = start - 1;
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.InvalidPeriod.selector, start, end));
        vm.prank(operator);
        registry.reportUtilization(assetA, start, end, 5_000);
    }

    function test_reportUtilization_revertsWhenEndInFuture() public {
        uint64 start = uint64(block.timestamp - 1 days);
        uint64 end = uint64(block.timestamp + 1);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.InvalidPeriod.selector, start, end));
        vm.prank(operator);
        registry.reportUtilization(assetA, start, end, 5_000);
    }

    function test_reportUtilization_endExactlyNowAccepted() public {
        vm.recordLogs();
        vm.prank(operator);
        registry.reportUtilization(assetA, 0, uint64(block.timestamp), 0);
        assertEq(vm.getRecordedLogs().length, 1);
    }

    function test_reportUtilization_revertsAbove10000Bps() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.InvalidUtilization.selector, uint16(10_001)));
        vm.prank(operator);
        registry.reportUtilization(assetA, uint64(block.timestamp - 1 days), uint64(block.timestamp), 10_001);
    }

    function test_reportUtilization_authCheckedBeforePeriodAndBps() public {
        // A stranger with an otherwise invalid report still gets the authorization error first.
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.NotOperatorOrReporter.selector, assetA, stranger));
        vm.prank(stranger);
        registry.reportUtilization(assetA, 5, 1, 60_000);
    }

    function testFuzz_reportUtilization_bounds(uint16 bps, uint64 start, uint64 end) public {
        uint64 nowTs = uint64(block.timestamp);
        end = uint64(bound(end, 1, nowTs));
        start = uint64(bound(start, 0, end - 1));
        if (bps > 10_000) {
            vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.InvalidUtilization.selector, bps));
        } else {
            vm.expectEmit(true, false, false, true, address(registry));
            emit UtilizationReported(assetA, start, end, bps, reporter);
        }
        vm.prank(reporter);
        registry.reportUtilization(assetA, start, end, bps);
    }

    function testFuzz_reportUtilization_periodValidity(uint64 start, uint64 end) public {
        bool valid = end > start && end <= block.timestamp;
        if (!valid) {
            vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.InvalidPeriod.selector, start, end));
        } else {
            vm.expectEmit(true, false, false, true, address(registry));
            emit UtilizationReported(assetA, start, end, 1, operator);
        }
        vm.prank(operator);
        registry.reportUtilization(assetA, start, end, 1);
    }

    // ─── reportUtilizationBatch ─────────────────────────────────────────────────────────────────────────

    function _report(uint256 id, uint64 start, uint64 end, uint16 bps)
        internal
        pure
        returns (HardwareAssetRegistry.UtilizationReport memory)
    {
        return HardwareAssetRegistry.UtilizationReport({
            assetId: id, periodStart: start, periodEnd: end, utilizationBps: bps
        });
    }

    function test_reportUtilizationBatch_emitsOnePerReport() public {
        uint64 end = uint64(block.timestamp);
        HardwareAssetRegistry.UtilizationReport[] memory reports = new HardwareAssetRegistry.UtilizationReport[](3);
        reports[0] = _report(assetA, end - 1 days, end, 9_000);
        reports[1] = _report(assetB, end - 1 days, end, 7_500);
        reports[2] = _report(assetA, end - 2 days, end - 1 days, 0);

        vm.expectEmit(true, false, false, true, address(registry));
        emit UtilizationReported(assetA, end - 1 days, end, 9_000, operator);
        vm.expectEmit(true, false, false, true, address(registry));
        emit UtilizationReported(assetB, end - 1 days, end, 7_500, operator);
        vm.expectEmit(true, false, false, true, address(registry));
        emit UtilizationReported(assetA, end - 2 days, end - 1 days, 0, operator);
        vm.recordLogs();
        vm.prank(operator);
        registry.reportUtilizationBatch(reports);
        assertEq(vm.getRecordedLogs().length, 3);
    }

    function test_reportUtilizationBatch_emptyIsNoop() public {
        vm.recordLogs();
        vm.prank(stranger);
        registry.reportUtilizationBatch(new HardwareAssetRegistry.UtilizationReport[](0));
        assertEq(vm.getRecordedLogs().length, 0);
    }

    function test_reportUtilizationBatch_revertsAtomicallyOnOneBadReport() public {
        uint64 end = uint64(block.timestamp);
        HardwareAssetRegistry.UtilizationReport[] memory reports = new HardwareAssetRegistry.UtilizationReport[](2);
        reports[0] = _report(assetA, end - 1 days, end, 9_000);
        reports[1] = _report(assetB, end - 1 days, end, 10_001);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.InvalidUtilization.selector, uint16(10_001)));
        vm.prank(reporter);
        registry.reportUtilizationBatch(reports);
    }

    function test_reportUtilizationBatch_checksAuthorizationPerAsset() public {
        uint256 fleet = _register(address(pool), fleetOperator, "AMR");
        uint64 end = uint64(block.timestamp);
        HardwareAssetRegistry.UtilizationReport[] memory reports = new HardwareAssetRegistry.UtilizationReport[](2);
        reports[0] = _report(fleet, end - 1 days, end, 9_000);
        reports[1] = _report(assetA, end - 1 days, end, 9_000);
        vm.expectRevert(
            abi.encodeWithSelector(HardwareAssetRegistry.NotOperatorOrReporter.selector, assetA, fleetOperator)
        );
        vm.prank(fleetOperator);
        registry.reportUtilizationBatch(reports);
    }

    function test_reportUtilizationBatch_revertsOnUnknownAssetOrBadPeriod() public {
        uint64 end = uint64(block.timestamp);
        HardwareAssetRegistry.UtilizationReport[] memory reports = new HardwareAssetRegistry.UtilizationReport[](1);
        reports[0] = _report(7, end - 1 days, end, 1);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 7));
        vm.prank(reporter);
        registry.reportUtilizationBatch(reports);

        reports[0] = _report(assetA, end, end + 1, 1);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.InvalidPeriod.selector, end, end + 1));
        vm.prank(reporter);
        registry.reportUtilizationBatch(reports);
    }
}
