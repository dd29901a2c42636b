// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// The hardware registry: one ERC-721 per financed machine group, held by the pool that financed it.
contract HardwareAssetRegistryTest is ProtocolFixture {
    event AssetRegistered(
        uint256 indexed assetId,
        address indexed pool,
        address indexed operator,
        HardwareAssetRegistry.Kind kind,
        string model,
        uint32 units,
        string location,
        string metadataURI
    );
    event AssetStatusChanged(
        uint256 indexed assetId, HardwareAssetRegistry.Status previousStatus, HardwareAssetRegistry.Status status
    );
    event AssetMetadataUpdated(uint256 indexed assetId, string metadataURI);
    event UtilizationReported(
        uint256 indexed assetId, uint64 periodStart, uint64 periodEnd, uint16 utilizationBps, address reporter
    );

    address internal stranger = makeAddr("stranger");
    address internal fleetOperator = makeAddr("fleetOperator");
    bytes32 internal registrarRole;
    bytes32 internal reporterRole;

    function setUp() public override {
        super.setUp();
        registrarRole = registry.REGISTRAR_ROLE();
        reporterRole = registry.REPORTER_ROLE();
    }

    function _register(address to, address op, string memory model) internal returns (uint256) {
        vm.prank(manager);
        return registry.registerAsset(to, op, HardwareAssetRegistry.Kind.RobotFleet, model, 40, "Rotterdam", "ipfs://c");
    }

    // ─── Deployment ─────────────────────────────────────────────────────────────────────────────────────

    function test_constructor_setsNameSymbolAndAdmin() public view {
        assertEq(registry.name(), "Machine Yield Hardware");
        assertEq(registry.symbol(), "MYHW");
        assertTrue(registry.hasRole(registry.DEFAULT_ADMIN_ROLE(), admin));
        assertFalse(registry.hasRole(registry.DEFAULT_ADMIN_ROLE(), address(this)));
        assertEq(registry.MAX_BPS(), 10_000);
        assertEq(registrarRole, keccak256("REGISTRAR_ROLE"));
        assertEq(reporterRole, keccak256("REPORTER_ROLE"));
    }

    function test_fixture_assetsRegisteredToPool() public view {
        assertEq(registry.assetCount(), 2);
        assertEq(assetA, 1);
        assertEq(assetB, 2);
        assertEq(registry.ownerOf(assetA), address(pool));
        assertEq(registry.ownerOf(assetB), address(pool));
        assertEq(registry.balanceOf(address(pool)), 2);
    }

    // ─── registerAsset ──────────────────────────────────────────────────────────────────────────────────

    function test_registerAsset_storesEverythingAndMintsToPool() public {
        uint256 id = _register(address(pool), fleetOperator, "AMR-500");
        assertEq(id, 3);
        assertEq(registry.assetCount(), 3);
        assertEq(registry.ownerOf(id), address(pool));
        assertEq(registry.balanceOf(address(pool)), 3);

        HardwareAssetRegistry.Asset memory a = registry.getAsset(id);
        assertEq(uint8(a.kind), uint8(HardwareAssetRegistry.Kind.RobotFleet));
        assertEq(uint8(a.status), uint8(HardwareAssetRegistry.Status.Pending));
        assertEq(a.units, 40);
        assertEq(a.operator, fleetOperator);
        assertEq(a.pool, address(pool));
        assertEq(a.model, "AMR-500");
        assertEq(a.location, "Rotterdam");
        assertEq(a.metadataURI, "ipfs://c");
    }

    function test_registerAsset_idsIncrementByOne() public {
        uint256 first = _register(address(pool), fleetOperator, "AMR-1");
        uint256 second = _register(address(pool), fleetOperator, "AMR-2");
        uint256 third = _register(makeAddr("otherPool"), operator, "AMR-3");
        assertEq(first, 3);
        assertEq(second, 4);
        assertEq(third, 5);
        assertEq(registry.assetCount(), 5);
        assertEq(registry.ownerOf(third), makeAddr("otherPool"));
    }

    function test_registerAsset_mintsToAnyPoolAddressWithoutReceiverHook() public {
        // _mint (not _safeMint): a contract without onERC721Received can receive the token.
        address nonReceiver = address(usdc);
        uint256 id = _register(nonReceiver, fleetOperator, "AMR-500");
        assertEq(registry.ownerOf(id), nonReceiver);
    }

    function test_registerAsset_emitsAssetRegistered() public {
        vm.expectEmit(true, true, true, true, address(registry));
        emit AssetRegistered(
            3, address(pool), fleetOperator, HardwareAssetRegistry.Kind.Other, "Jetson rack", 12, "Lyon", "ipfs://d"
        );
        vm.prank(manager);
        registry.registerAsset(
            address(pool), fleetOperator, HardwareAssetRegistry.Kind.Other, "Jetson rack", 12, "Lyon", "ipfs://d"
        );
    }

    function test_registerAsset_emptyLocationAndMetadataAllowed() public {
        vm.prank(manager);
        uint256 id = registry.registerAsset(
            address(pool), fleetOperator, HardwareAssetRegistry.Kind.GpuCluster, "B200", 1, "", ""
        );
        HardwareAssetRegistry.Asset memory a = registry.getAsset(id);
        assertEq(a.location, "");
        assertEq(registry.tokenURI(id), "");
        assertEq(a.units, 1);
    }

    function test_registerAsset_revertsWithoutRegistrarRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, registrarRole)
        );
        vm.prank(stranger);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsForAdminWithoutRegistrarRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, admin, registrarRole)
        );
        vm.prank(admin);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsForReporter() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, reporter, registrarRole)
        );
        vm.prank(reporter);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsOnZeroPool() public {
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        vm.prank(manager);
        registry.registerAsset(address(0), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsOnZeroOperator() public {
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        vm.prank(manager);
        registry.registerAsset(address(pool), address(0), HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsOnZeroUnits() public {
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        vm.prank(manager);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 0, "x", "y");
    }

    function test_registerAsset_revertsOnEmptyModel() public {
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        vm.prank(manager);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "", 8, "x", "y");
    }

    function test_registerAsset_failedAttemptDoesNotConsumeId() public {
        vm.prank(manager);
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "", 8, "x", "y");
        assertEq(registry.assetCount(), 2);
        assertEq(_register(address(pool), operator, "ok"), 3);
    }

    function test_registerAsset_roleGrantedLaterWorks_andRevokedStops() public {
        vm.prank(admin);
        registry.grantRole(registrarRole, stranger);
        vm.prank(stranger);
        uint256 id = registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.Other, "x", 1, "", "");
        assertEq(id, 3);

        vm.prank(admin);
        registry.revokeRole(registrarRole, stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, registrarRole)
        );
        vm.prank(stranger);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.Other, "x", 1, "", "");
    }

    // ─── setStatus ──────────────────────────────────────────────────────────────────────────────────────

    function test_setStatus_updatesAndEmits() public {
        vm.expectEmit(true, false, false, true, address(registry));
        emit AssetStatusChanged(assetA, HardwareAssetRegistry.Status.Pending, HardwareAssetRegistry.Status.Active);
        vm.prank(manager);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Active);
        assertEq(uint8(registry.statusOf(assetA)), uint8(HardwareAssetRegistry.Status.Active));
        assertEq(uint8(registry.getAsset(assetA).status), uint8(HardwareAssetRegistry.Status.Active));
        // Other assets are untouched.
        assertEq(uint8(registry.statusOf(assetB)), uint8(HardwareAssetRegistry.Status.Pending));
    }

    function test_setStatus_walksThroughEveryStatusWithPreviousInEvent() public {
        HardwareAssetRegistry.Status[4] memory next = [
            HardwareAssetRegistry.Status.Active,
            HardwareAssetRegistry.Status.Maintenance,
            HardwareAssetRegistry.Status.Impaired,
            HardwareAssetRegistry.Status.Retired
        ];
        HardwareAssetRegistry.Status prev = HardwareAssetRegistry.Status.Pending;
        for (uint256 i = 0; i < next.length; i++) {
            vm.expectEmit(true, false, false, true, address(registry));
            emit AssetStatusChanged(assetB, prev, next[i]);
            vm.prank(manager);
            registry.setStatus(assetB, next[i]);
            assertEq(uint8(registry.statusOf(assetB)), uint8(next[i]));
            prev = next[i];
        }
    }

    function test_setStatus_revertsWithoutRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, operator, registrarRole)
        );
        vm.prank(operator);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        assertEq(uint8(registry.statusOf(assetA)), uint8(HardwareAssetRegistry.Status.Pending));
    }

    function test_setStatus_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 99));
        vm.prank(manager);
        registry.setStatus(99, HardwareAssetRegistry.Status.Active);
    }

    function test_setStatus_revertsForAssetZero() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 0));
        vm.prank(manager);
        registry.setStatus(0, HardwareAssetRegistry.Status.Active);
    }

    // ─── setMetadataURI ─────────────────────────────────────────────────────────────────────────────────

    function test_setMetadataURI_updatesTokenURIAndEmits() public {
        vm.expectEmit(true, false, false, true, address(registry));
        emit AssetMetadataUpdated(assetA, "ipfs://a-v2");
        vm.prank(manager);
        registry.setMetadataURI(assetA, "ipfs://a-v2");
        assertEq(registry.tokenURI(assetA), "ipfs://a-v2");
        assertEq(registry.getAsset(assetA).metadataURI, "ipfs://a-v2");
        assertEq(registry.tokenURI(assetB), "ipfs://b");
    }

    function test_setMetadataURI_revertsWithoutRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, registrarRole)
        );
        vm.prank(stranger);
        registry.setMetadataURI(assetA, "ipfs://evil");
        assertEq(registry.tokenURI(assetA), "ipfs://a");
    }

    function test_setMetadataURI_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 3));
        vm.prank(manager);
        registry.setMetadataURI(3, "ipfs://x");
    }

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

    // ─── Views ──────────────────────────────────────────────────────────────────────────────────────────

    function test_views_returnRegisteredData() public view {
        assertEq(registry.poolOf(assetA), address(pool));
        assertEq(registry.operatorOf(assetA), operator);
        assertEq(uint8(registry.statusOf(assetA)), uint8(HardwareAssetRegistry.Status.Pending));
        assertEq(registry.tokenURI(assetA), "ipfs://a");
        assertEq(registry.tokenURI(assetB), "ipfs://b");
        HardwareAssetRegistry.Asset memory b = registry.getAsset(assetB);
        assertEq(b.model, "H200 SXM");
        assertEq(b.units, 32);
        assertEq(b.location, "Ashburn, VA");
        assertEq(uint8(b.kind), uint8(HardwareAssetRegistry.Kind.GpuCluster));
    }

    function test_views_revertForUnknownAsset() public {
        bytes memory err = abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 3);
        vm.expectRevert(err);
        registry.getAsset(3);
        vm.expectRevert(err);
        registry.poolOf(3);
        vm.expectRevert(err);
        registry.operatorOf(3);
        vm.expectRevert(err);
        registry.statusOf(3);
        vm.expectRevert(err);
        registry.tokenURI(3);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 0));
        registry.tokenURI(0);
    }

    function test_tokenTransfer_doesNotChangeRecordedPool() public {
        // The token is a plain ERC-721: the holder can move it, but poolOf is the registered pool, not the owner.
        address newHolder = makeAddr("newHolder");
        vm.prank(address(pool));
        registry.transferFrom(address(pool), newHolder, assetA);
        assertEq(registry.ownerOf(assetA), newHolder);
        assertEq(registry.poolOf(assetA), address(pool));
    }

    function test_supportsInterface() public view {
        assertTrue(registry.supportsInterface(type(IERC721).interfaceId));
        assertTrue(registry.supportsInterface(type(IERC721Metadata).interfaceId));
        assertTrue(registry.supportsInterface(type(IAccessControl).interfaceId));
        assertTrue(registry.supportsInterface(type(IERC165).interfaceId));
        assertFalse(registry.supportsInterface(0xffffffff));
        assertFalse(registry.supportsInterface(0x12345678));
    }
}
