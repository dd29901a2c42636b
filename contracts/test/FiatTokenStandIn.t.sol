// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {FiatTokenStandIn} from "../src/testing/FiatTokenStandIn.sol";

contract FiatTokenStandInTest is Test {
    FiatTokenStandIn internal usdc;
    address internal circle = makeAddr("circle");
    address internal minter = makeAddr("minter");

    function setUp() public {
        vm.chainId(84532);
        usdc = new FiatTokenStandIn(circle);
    }

    function test_metadata_likeFiatToken() public view {
        assertEq(usdc.name(), "USDC");
        assertEq(usdc.symbol(), "USDC");
        assertEq(usdc.decimals(), 6);
        assertEq(usdc.version(), "2");
        assertEq(usdc.masterMinter(), circle);
    }

    function test_mint_revertsForAnyoneNotConfigured() public {
        address stranger = makeAddr("stranger");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(FiatTokenStandIn.NotMinter.selector, stranger));
        usdc.mint(stranger, 1);
        // Not even the master minter mints without configuring itself.
        vm.prank(circle);
        vm.expectRevert(abi.encodeWithSelector(FiatTokenStandIn.NotMinter.selector, circle));
        usdc.mint(circle, 1);
    }

    function test_configureMinter_onlyMasterMinter() public {
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(FiatTokenStandIn.NotMasterMinter.selector, minter));
        usdc.configureMinter(minter, 1e6);
    }

    function test_mint_withinAllowanceOnly() public {
        vm.prank(circle);
        usdc.configureMinter(minter, 100e6);
        address to = makeAddr("to");
        vm.prank(minter);
        usdc.mint(to, 60e6);
        assertEq(usdc.balanceOf(to), 60e6);
        assertEq(usdc.minterAllowance(minter), 40e6);
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(FiatTokenStandIn.MintExceedsAllowance.selector, 41e6, 40e6));
        usdc.mint(to, 41e6);
        vm.prank(minter);
        usdc.mint(to, 40e6);
        assertEq(usdc.totalSupply(), 100e6);
    }

    function test_removeMinter_endsMinting() public {
        vm.startPrank(circle);
        usdc.configureMinter(minter, 100e6);
        usdc.removeMinter(minter);
        vm.stopPrank();
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(FiatTokenStandIn.NotMinter.selector, minter));
        usdc.mint(minter, 1);
    }

    function _permitDigest(address owner, address spender, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                spender,
                value,
                nonce,
                deadline
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash));
    }

    /// The domain a wallet builds from name "USDC", version "2", the chain id and the token's address.
    function test_domainSeparator_isUsdcVersion2() public view {
        bytes32 expected = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("USDC"),
                keccak256("2"),
                uint256(84532),
                address(usdc)
            )
        );
        assertEq(usdc.DOMAIN_SEPARATOR(), expected);
    }

    function test_permit_withVersion2Domain() public {
        (address owner, uint256 key) = makeAddrAndKey("owner");
        address spender = makeAddr("spender");
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, _permitDigest(owner, spender, 500e6, 0, deadline));
        usdc.permit(owner, spender, 500e6, deadline, v, r, s);
        assertEq(usdc.allowance(owner, spender), 500e6);
        assertEq(usdc.nonces(owner), 1);
        // The same signature does not work twice: the nonce moved on.
        vm.expectRevert();
        usdc.permit(owner, spender, 500e6, deadline, v, r, s);
    }

    function test_permit_rejectsExpiredOrForeignSignature() public {
        (address owner, uint256 key) = makeAddrAndKey("owner");
        (, uint256 otherKey) = makeAddrAndKey("other");
        uint256 deadline = block.timestamp + 1;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(otherKey, _permitDigest(owner, address(this), 1, 0, deadline));
        vm.expectRevert();
        usdc.permit(owner, address(this), 1, deadline, v, r, s);
        (v, r, s) = vm.sign(key, _permitDigest(owner, address(this), 1, 0, deadline));
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(FiatTokenStandIn.PermitExpired.selector, deadline));
        usdc.permit(owner, address(this), 1, deadline, v, r, s);
    }

    /// Like the real FiatToken, no ERC-5267: a call to eip712Domain() finds no function and reverts.
    function test_eip712Domain_absent() public view {
        (bool ok,) = address(usdc).staticcall(abi.encodeWithSignature("eip712Domain()"));
        assertFalse(ok);
    }
}
